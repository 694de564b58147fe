package vn.ansinh.console.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Campaigns as distribution-service answers them, in the shape the pages read. */
final class Campaigns {

    private Campaigns() {
    }

    static final List<String> STATES = List.of("DRAFT", "APPROVING", "ACTIVE", "REJECTED", "CLOSED");

    record Campaign(String id, String name, String officeUnitCode, List<String> targetUnitCodes,
                    List<String> eligibleCategories, List<String> eligiblePovertyStatuses, Benefit benefit,
                    LocalDate startsOn, LocalDate endsOn, String state, List<Part> parts, long approvedHouseholds,
                    String rejectionReason, String rejectionDetail, Instant createdAt, String programmeId, int round,
                    String previousRoundId, long approvedPersons) {

        Campaign {
            round = round < 1 ? 1 : round;
            targetUnitCodes = targetUnitCodes == null ? List.of() : targetUnitCodes;
            eligibleCategories = eligibleCategories == null ? List.of() : eligibleCategories;
            eligiblePovertyStatuses = eligiblePovertyStatuses == null ? List.of() : eligiblePovertyStatuses;
            parts = parts == null ? List.of() : parts;
        }

        /** The parts not submitted yet: what the approve button waits for. */
        List<Part> partsWaiting() {
            return parts.stream().filter(part -> !part.submitted()).toList();
        }

        Part partOf(String unitCode) {
            return parts.stream().filter(part -> part.unitCode().equals(unitCode)).findFirst().orElse(null);
        }
    }

    /** @param per HOUSEHOLD or PERSON; @param byKind amounts by household category or member's kind, first match wins */
    record Benefit(Cash cash, List<Goods> items, String per, List<KindRate> byKind) {
        Benefit {
            items = items == null ? List.of() : items;
            byKind = byKind == null ? List.of() : byKind;
        }

        public boolean perPerson() {
            return "PERSON".equals(per);
        }
    }

    record KindRate(String kind, Long amount) {
    }

    record Cash(String fundId, Long amountPerHousehold) {
    }

    record Goods(String item, String unit, BigDecimal quantityPerHousehold, String stockOfficeUnitCode) {
    }

    record Part(String unitCode, Integer maxHouseholds, boolean submitted, String submittedBy, Instant submittedAt) {
    }

    /** @param share what the household receives, worked out when it was listed (absent on older lists: the campaign's default) */
    record Entitlement(String id, String campaignId, String householdId, String unitCode, String householdUnitCode,
                       boolean included, boolean delivered, List<Change> changes, Share share) {
        Entitlement {
            changes = changes == null ? List.of() : changes;
        }
    }

    /** One household's share: VND, each of the benefit's items in thousandths of its unit (in order), people counted. */
    record Share(long cash, List<Quantity> goods, int persons) {
        Share {
            goods = goods == null ? List.of() : goods;
        }
    }

    record Quantity(String item, long thousandths) {
    }

    record Change(String action, String reason, String by, Instant at) {
    }

    record Progress(String campaignId, String state, long approved, long delivered, long pending, double coveragePercent,
                    List<UnitProgress> byUnit) {
        Progress {
            byUnit = byUnit == null ? List.of() : byUnit;
        }
    }

    record UnitProgress(String unitCode, String unitName, long approved, long delivered, long pending, double coveragePercent) {
    }

    record Generated(long added, long alreadyServedElsewhere, long nothingToReceive) {
    }

    /** A programme's rounds added up, as reporting-service answers it. */
    record ProgrammeReport(String programmeId, String name, ProgrammeTotal total) {
    }

    record ProgrammeTotal(int rounds, long approvedHouseholds, long payments, long householdsReached, long deliveredPersons,
                          long cashDelivered) {
    }

    record Delivery(String id, String campaignId, String entitlementId, String householdId, String unitCode,
                    Instant deliveredAt, String deliveredBy, String proof, String recordedBy, Instant recordedAt,
                    Instant revertedAt) {
    }

    record Fund(String id, String name, String officeUnitCode, long available) {
    }

    record Stock(String item, String unit, BigDecimal onHand, BigDecimal reserved, BigDecimal available) {
    }
}
