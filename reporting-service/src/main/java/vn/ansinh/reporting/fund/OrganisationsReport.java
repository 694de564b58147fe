package vn.ansinh.reporting.fund;

import java.util.List;

/**
 * An area's money by who raised it: each office's own line first, then each of its organisations, and
 * the total of all of them (which is the area's funds added up: no đồng in two lines).
 *
 * @param total the sum of the lines ({@code officeUnitCode} the area)
 */
public record OrganisationsReport(String unitCode, List<OrganisationLine> lines, OrganisationLine total) {
}
