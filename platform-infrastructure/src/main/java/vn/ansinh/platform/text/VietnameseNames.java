package vn.ansinh.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keys for comparing Vietnamese names the way people read them, not the way they were typed.
 * Names are always stored exactly as typed; these keys are derived from them.
 *
 * <ul>
 *   <li>{@link #searchKey}: no case, no diacritics, single spaces ("Nguyễn Thị  Bảy" and
 *       "nguyen thi bay" give "nguyen thi bay"); Đ/đ and its look-alikes Ð (U+00D0) and Ɖ become d.</li>
 *   <li>{@link #exactKey}: keeps the diacritics but not how they were encoded (NFC or NFD) nor where
 *       the tone mark sits ("Hoà" and "Hòa", "Thuỷ" and "Thủy" give the same key).</li>
 * </ul>
 */
public final class VietnameseNames {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** The five tone marks; the other marks (circumflex, breve, horn) belong to the vowel itself. */
    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    private VietnameseNames() {
    }

    public static String searchKey(String name) {
        String decomposed = Normalizer.normalize(unifyDStroke(name), Normalizer.Form.NFD);
        String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return collapseSpaces(plain.toLowerCase(Locale.ROOT));
    }

    public static String exactKey(String name) {
        String decomposed = Normalizer.normalize(unifyDStroke(name).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder();
        for (String syllable : SPACES.split(decomposed.strip())) {
            if (syllable.isEmpty()) {
                continue;
            }
            StringBuilder letters = new StringBuilder();
            char tone = 0;
            for (char c : syllable.toCharArray()) {
                if (TONE_MARKS.indexOf(c) >= 0) {
                    tone = c;
                } else {
                    letters.append(c);
                }
            }
            if (!key.isEmpty()) {
                key.append(' ');
            }
            // The tone is moved to the end of its syllable, so its placement no longer matters.
            key.append(Normalizer.normalize(letters, Normalizer.Form.NFC));
            if (tone != 0) {
                key.append(toneName(tone));
            }
        }
        return key.toString();
    }

    private static char toneName(char mark) {
        return switch (mark) {
            case '\u0300' -> '`'; // huyền
            case '\u0301' -> '\''; // sắc
            case '\u0303' -> '~'; // ngã
            case '\u0309' -> '?'; // hỏi
            default -> '.'; // nặng
        };
    }

    private static String unifyDStroke(String name) {
        return name.replace('\u00D0', 'Đ').replace('\u0189', 'Đ').replace('\u00F0', 'đ');
    }

    private static String collapseSpaces(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ");
    }
}
