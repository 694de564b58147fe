package vn.ansinh.reporting.publicmap;

import java.time.Instant;
import java.util.List;

/**
 * The public social-security map of a unit: its total and one area per unit below it, or per
 * hamlet of a commune. Never a name, phone, ID or household; counts under {@code minCount} hidden.
 */
record PublicMap(String unitCode, String unitName, String level, int minCount, PublicArea total,
                        List<PublicArea> areas, Instant asOf) {
}
