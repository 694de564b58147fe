package vn.ansinh.console.web;

/**
 * Ids and unit codes taken from a page's address before they go into a service's path: only the
 * characters such ids are made of are kept, so nothing typed into an address can change the path.
 */
public final class Ids {

    private Ids() {
    }

    /** A record's id (UUIDs, case ids such as {@code dc-…}). */
    public static String of(String id) {
        return id.replaceAll("[^A-Za-z0-9-]", "");
    }

    /** An administrative unit code. */
    public static String unit(String code) {
        return code.replaceAll("[^0-9A-Za-z]", "");
    }
}
