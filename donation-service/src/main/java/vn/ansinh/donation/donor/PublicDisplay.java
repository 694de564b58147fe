package vn.ansinh.donation.donor;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a donor wants to appear on public statements. */
enum PublicDisplay {
    /** "Công ty TNHH Xuân Phát". */
    FULL_NAME,
    /** "N.T.B." for Nguyễn Thị Bảy. */
    INITIALS,
    /** "Nhà hảo tâm giấu tên". */
    ANONYMOUS;

    static final String ANONYMOUS_NAME = "Nhà hảo tâm giấu tên";

    public String show(String name) {
        return switch (this) {
            case FULL_NAME -> name;
            case INITIALS -> Arrays.stream(name.strip().split("\\s+")).filter(word -> !word.isEmpty())
                    .map(word -> word.substring(0, word.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT) + ".")
                    .collect(Collectors.joining());
            case ANONYMOUS -> ANONYMOUS_NAME;
        };
    }
}
