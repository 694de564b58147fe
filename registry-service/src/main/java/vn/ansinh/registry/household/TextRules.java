package vn.ansinh.registry.household;

final class TextRules {

    /** Any text without control characters (tabs and newlines included: names and places are one line). */
    static final String NO_CONTROL_CHARACTERS = "^[^\\p{Cntrl}]*$";

    private TextRules() {
    }
}
