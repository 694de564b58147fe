package vn.ansinh.donation.trace;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where one gift went, as its donor (and, for donors who chose to be named, anyone) may read it: the
 * campaigns it paid for, how much, in which communes, how many households it reached and when, what
 * was paid out directly, what is left — never who. Money in whole đồng ({@code amount}); goods in
 * their unit ({@code quantity}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GiftTrace(String receiptNumber, LocalDate receivedOn, String donor, String officeUnitCode, String officeName,
                 List<Part> parts, Instant asOf) {

    /** What the gift put into one account: the fund, or the office's stock of one item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Part(String fundId, String fundName, String item, String unit, Long amount, BigDecimal quantity,
                List<CampaignReach> campaigns, List<DirectPayment> direct, Long remainingAmount, BigDecimal remainingQuantity) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CampaignReach(String campaignId, String campaignName, Long amount, BigDecimal quantity, int households,
                         LocalDate firstOn, LocalDate lastOn, List<CommuneReach> communes) {
    }

    /** The households a gift reached in one commune ({@code unitCode} null: deliveries recorded before communes were kept). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CommuneReach(String unitCode, String unitName, Long amount, BigDecimal quantity, int households) {
    }

    /** Paid out of the fund directly (a house, health-insurance cards), as the office published it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DirectPayment(LocalDate on, String description, Long amount, BigDecimal quantity) {
    }
}
