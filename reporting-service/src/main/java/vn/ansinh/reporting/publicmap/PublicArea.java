package vn.ansinh.reporting.publicmap;

import java.util.List;

/**
 * One area of the public map: counts only. A count that could single a family out is null and
 * named in {@code suppressed}; a count that is not kept at this level (approved households by
 * hamlet) is null and not named there.
 *
 * @param code     the unit's code; null for a hamlet (ấp, thôn, tổ dân phố), which has none
 * @param inNeed   poor and near-poor households, plus (for units) needs reported and not yet decided
 * @param approved households on approved aid lists
 * @param helped   households that received their aid
 * @param openOmissionReports residents' reports of a family left off a list, not yet closed (not kept by hamlet)
 */
record PublicArea(String code, String name, Long inNeed, Long approved, Long helped, Long openOmissionReports,
                  List<String> suppressed) {
}
