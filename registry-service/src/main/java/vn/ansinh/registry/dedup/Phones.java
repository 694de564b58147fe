package vn.ansinh.registry.dedup;

/** Vietnamese mobile numbers written the several ways people write them, reduced to one form. */
final class Phones {

    private Phones() {
    }

    /** "+84 912 345 678", "84912345678" and "0912.345.678" all give "0912345678"; null stays null. */
    public static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.startsWith("84") && digits.length() == 11) {
            return "0" + digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }
}
