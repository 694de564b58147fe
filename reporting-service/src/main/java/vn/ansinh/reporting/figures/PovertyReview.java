package vn.ansinh.reporting.figures;

import java.util.List;

/**
 * The yearly review (rà soát) of a unit: households whose poverty status moved during the year, from
 * where they stood at the end of the year before to where they stood at its end — a household changed
 * twice counts once, by where it ended. Per unit directly below and in total.
 */
public record PovertyReview(String unitCode, String unitName, int year, Row total, List<Row> rows) {

    /**
     * @param escapedPoverty      poor at the start, neither poor nor near-poor at the end
     * @param escapedNearPoverty  near-poor at the start, neither at the end
     * @param poorToNearPoor      poor at the start, near-poor at the end
     * @param nearPoorToPoor      near-poor at the start, poor at the end
     * @param fellIntoPoverty     neither at the start, poor at the end
     * @param fellIntoNearPoverty neither at the start, near-poor at the end
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PovertyReviewRow")
    public record Row(String unitCode, String unitName, long escapedPoverty, long escapedNearPoverty, long poorToNearPoor,
                      long nearPoorToPoor, long fellIntoPoverty, long fellIntoNearPoverty) {
    }
}
