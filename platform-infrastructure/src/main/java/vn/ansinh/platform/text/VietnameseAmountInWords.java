package vn.ansinh.platform.text;

/**
 * An amount of money in Vietnamese words, as a receipt's "Bằng chữ" line writes it: 5.000.000 →
 * "Năm triệu đồng chẵn", 1.250.500 → "Một triệu hai trăm năm mươi nghìn năm trăm đồng", 105 → "Một trăm
 * linh năm đồng". The usual reading rules: mười/mươi, mốt, tư, lăm, linh, and "không trăm" inside a
 * number.
 */
public final class VietnameseAmountInWords {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] GROUPS = {"", "nghìn", "triệu", "tỷ"};

    private VietnameseAmountInWords() {
    }

    public static String of(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("An amount of money is not negative");
        }
        String words = amount == 0 ? "không" : number(amount);
        String sentence = Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
        return amount % 1000 == 0 && amount > 0 ? sentence + " chẵn" : sentence;
    }

    /** Reads a number; past a thousand billion the billions repeat ("một nghìn tỷ"). */
    static String number(long value) {
        long billions = value / 1_000_000_000L;
        long rest = value % 1_000_000_000L;
        StringBuilder out = new StringBuilder();
        if (billions > 0) {
            out.append(number(billions)).append(" tỷ");
        }
        int[] groups = {(int) (rest / 1_000_000), (int) (rest / 1000 % 1000), (int) (rest % 1000)};
        boolean started = billions > 0;
        for (int i = 0; i < 3; i++) {
            int group = groups[i];
            if (group == 0) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(threeDigits(group, started));
            String name = GROUPS[2 - i];
            if (!name.isEmpty()) {
                out.append(' ').append(name);
            }
            started = true;
        }
        return out.toString();
    }

    /** @param full read the hundreds even when zero ("không trăm"): the group follows a larger one */
    private static String threeDigits(int value, boolean full) {
        int hundreds = value / 100;
        int tens = value / 10 % 10;
        int ones = value % 10;
        StringBuilder out = new StringBuilder();
        if (hundreds > 0 || full) {
            out.append(DIGITS[hundreds]).append(" trăm");
        }
        if (tens == 0) {
            if (ones > 0) {
                out.append(out.isEmpty() ? "" : " linh ").append(DIGITS[ones]);
            }
            return out.toString().strip();
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(tens == 1 ? "mười" : DIGITS[tens] + " mươi");
        if (ones == 1 && tens > 1) {
            out.append(" mốt");
        } else if (ones == 4 && tens > 1) {
            out.append(" tư");
        } else if (ones == 5) {
            out.append(" lăm");
        } else if (ones > 0) {
            out.append(' ').append(DIGITS[ones]);
        }
        return out.toString();
    }
}
