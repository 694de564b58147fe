package vn.ansinh.platform.security;

/**
 * The rule Spring Security's {@code StrictHttpFirewall} applies to every header value it hands out —
 * assigned characters, no control characters but tab — checked character by character instead of with
 * its regular expression. Profiled under load, the expression over each request's bearer token (about
 * a kilobyte, read by several filters) was a tenth of donation-service's CPU.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** Whether the firewall lets a header with this value through: the same answer as its default rule. */
    public static boolean allowed(String value) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c < 0x80) { // the common case: printable ASCII, or tab
                if (c < 0x20 && c != '\t' || c == 0x7F) {
                    return false;
                }
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
