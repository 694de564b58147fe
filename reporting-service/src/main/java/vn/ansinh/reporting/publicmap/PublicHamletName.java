package vn.ansinh.reporting.publicmap;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.ansinh.platform.text.VietnameseNames;

/**
 * What of a hamlet an officer typed may stand on the public map. The field is free text: officers
 * write "Ấp 3", "ấp 3 ", but also "Ấp 3, nhà bà Năm 0903…" or paste a name. Only a recognisable hamlet
 * name is shown — a known kind of place (ấp, thôn, khu phố, tổ dân phố…) followed by a short name or
 * number, with no long run of digits — written the one normal way ("Ấp 3", "Khu Phố Bàu Tre" → "Khu
 * phố Bàu Tre"); anything else counts under "Chưa rõ ấp/thôn" and is never shown as typed.
 */
final class PublicHamletName {

    static final String UNKNOWN = "Chưa rõ ấp/thôn";

    /** Kinds of hamlet and neighbourhood, longest first so "Tổ dân phố" wins over "Tổ". */
    private static final List<String> KINDS = List.of("Tổ dân phố", "Tổ nhân dân", "Khu phố", "Khu vực", "Ấp", "Thôn", "Làng",
            "Khóm", "Bản", "Buôn", "Xóm", "Sóc", "Plei", "Tổ", "Khu");
    private static final Pattern REST = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} .'-]{0,39}$");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\p{N}{4,}");

    private PublicHamletName() {
    }

    /** The hamlet as the public may see it, or empty when what was typed is not a hamlet's name. */
    static Optional<String> of(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        String folded = VietnameseNames.searchKey(text);
        for (String kind : KINDS) {
            String kindKey = VietnameseNames.searchKey(kind);
            if (folded.startsWith(kindKey + " ") && text.length() > kind.length() + 1) {
                String rest = text.substring(kind.length() + 1).strip();
                Matcher digits = LONG_NUMBER.matcher(rest);
                if (!REST.matcher(rest).matches() || digits.find()) {
                    return Optional.empty();
                }
                return Optional.of(kind + " " + capitalised(rest));
            }
        }
        return Optional.empty();
    }

    private static String capitalised(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (String word : name.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
