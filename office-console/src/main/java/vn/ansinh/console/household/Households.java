package vn.ansinh.console.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Households as registry-service answers them, in the shape the pages read. */
final class Households {

    private Households() {
    }

    static final List<String> CATEGORIES = vn.ansinh.console.web.Vocabulary.CATEGORIES;
    static final List<String> POVERTY_STATUSES = List.of("NONE", "NEAR_POOR", "POOR", "RECENTLY_ESCAPED");
    static final List<String> RELATIONS = List.of("HEAD", "SPOUSE", "CHILD", "PARENT", "GRANDCHILD", "SIBLING", "OTHER");

    record Household(String id, String headName, List<Member> members, Address address, String phone,
                     List<String> categories, String povertyStatus, List<PovertyPeriod> povertyStatusHistory,
                     List<AddressChange> addressHistory, boolean active, String deactivationReason,
                     LocalDate deactivatedFrom, String mergedInto, Instant registeredAt, long version,
                     List<Candidate> duplicateCandidates, List<MergedHousehold> mergedFrom) {

        Household {
            mergedFrom = mergedFrom == null ? List.of() : mergedFrom;
            members = members == null ? List.of() : members;
            categories = categories == null ? List.of() : categories;
            povertyStatusHistory = povertyStatusHistory == null ? List.of() : povertyStatusHistory;
            addressHistory = addressHistory == null ? List.of() : addressHistory;
        }
    }

    /** A duplicate merged into this household: its own record and history stay under its id. */
    record MergedHousehold(String householdId, String unitCode, Instant registeredAt, int membersAdded, int membersCompleted,
                           String mergedBy, Instant mergedAt) {
    }

    record Member(String fullName, LocalDate dateOfBirth, String gender, String citizenId, String relation, List<String> kinds) {
        Member {
            kinds = kinds == null ? List.of() : kinds;
        }
    }

    record Address(String unitCode, String hamlet, String street) {
    }

    record PovertyPeriod(String from, String to, LocalDate effectiveFrom, String reason, String changedBy,
                         Instant recordedAt) {
    }

    record AddressChange(Address from, Address to, LocalDate effectiveFrom, String reason, String changedBy,
                         Instant recordedAt) {
    }

    /** A household that might be the same; outside the officer's area only its unit is named. */
    record Candidate(String householdId, String unitCode, String unitName, boolean inYourArea, double score,
                     List<Reason> reasons, String caseId) {
    }

    record Reason(String code, String text) {
    }

    record DuplicateCheck(List<Candidate> duplicateCandidates) {
        DuplicateCheck {
            duplicateCandidates = duplicateCandidates == null ? List.of() : duplicateCandidates;
        }
    }
}
