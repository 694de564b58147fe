package vn.ansinh.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.registry.identity.Gender;

/** The rules of a household, without Spring, a broker or a database. */
class HouseholdRulesTest {

    final Instant now = Instant.parse("2026-03-01T03:00:00Z");

    @Test
    void aPovertyStatusChangeIsDatedKeptInTheHistoryAndNeverBackdatedBeforeTheLastOne() {
        Household household = poorHousehold();

        household.changePovertyStatus(PovertyStatus.NEAR_POOR, LocalDate.of(2025, 12, 31), "Rà soát cuối năm", "officer-1", now);

        assertThat(household.getPovertyStatus()).isEqualTo(PovertyStatus.NEAR_POOR);
        assertThat(household.getPovertyStatusHistory()).singleElement().satisfies(period -> {
            assertThat(period.from()).isEqualTo(PovertyStatus.POOR);
            assertThat(period.to()).isEqualTo(PovertyStatus.NEAR_POOR);
            assertThat(period.effectiveFrom()).isEqualTo(LocalDate.of(2025, 12, 31));
        });
        assertThatThrownBy(() -> household.changePovertyStatus(PovertyStatus.NEAR_POOR, LocalDate.of(2026, 2, 1), "x", "o", now))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo("poverty-status.unchanged"));
        assertThatThrownBy(() -> household.changePovertyStatus(PovertyStatus.NONE, LocalDate.of(2025, 6, 1), "x", "o", now))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("poverty-status.before-last-change");
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                });
    }

    @Test
    void aMoveKeepsWhereTheHouseholdLivedAndAMoveToTheSameAddressIsRefused() {
        Household household = poorHousehold();
        Address before = household.getAddress();

        household.moveTo(new Address("27496", "Khu phố 2", null), LocalDate.of(2026, 2, 1), "Chuyển nhà", "officer-1", now);

        assertThat(household.getUnitCode()).isEqualTo("27496");
        assertThat(household.getAddressHistory()).singleElement().satisfies(change -> assertThat(change.from()).isEqualTo(before));
        assertThatThrownBy(() -> household.moveTo(new Address("27496", "Khu phố 2", null), LocalDate.of(2026, 2, 2), "x", "o", now))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo("move.same-address"));
    }

    @Test
    void aMergedHouseholdChangesNoMoreAndPointsToTheOneKept() {
        Household household = poorHousehold();

        household.mergeInto("kept-1", "27547", LocalDate.of(2026, 2, 1));

        assertThat(household.isActive()).isFalse();
        assertThat(household.getMergedInto()).isEqualTo("kept-1");
        assertThat(household.getDeactivationReason()).isEqualTo(DeactivationReason.MERGED);
        assertThatThrownBy(() -> household.changePovertyStatus(PovertyStatus.NONE, LocalDate.of(2026, 3, 1), "x", "o", now))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo("household.inactive"));
    }

    @Test
    void aDuplicateTakenInKeepsEveryPersonOnceFillsWhatWasMissingAndIsTakenInOnlyOnce() {
        Household kept = poorHousehold();
        Household duplicate = new Household("h-2", "Trần Văn Út", List.of(
                new Member("Trần Văn Út", LocalDate.of(1990, 1, 1), Gender.MALE, null, "Chủ hộ"),
                new Member("nguyen thi bay", LocalDate.of(1958, 3, 2), Gender.FEMALE, "079158001234", "Mẹ")),
                new Address("27496", null, null), null, List.of(), PovertyStatus.NONE, now);

        kept.absorb(duplicate, List.of(new int[] {0, 1}), "city-approver", now);

        assertThat(kept.getMembers()).extracting(Member::fullName).containsExactly("Nguyễn Thị Bảy", "Trần Văn Út");
        assertThat(kept.getMembers().get(0).citizenId()).as("filled in from the duplicate").isEqualTo("079158001234");
        assertThat(kept.getMembers().get(0).relation()).as("ours kept").isEqualTo("HEAD");
        assertThat(kept.getMembers().get(1).relation()).as("the duplicate's head is not a second head here").isNull();
        assertThat(new Member("Trần Văn Út", null, Gender.MALE, null, "HEAD").joiningAnotherHousehold().relation())
                .as("a head as the console sends it").isNull();
        assertThat(kept.getNameKeys()).contains("tran van ut");
        assertThat(kept.getMergedFrom()).singleElement().satisfies(merged -> {
            assertThat(merged.householdId()).isEqualTo("h-2");
            assertThat(merged.membersAdded()).isEqualTo(1);
            assertThat(merged.membersCompleted()).isEqualTo(1);
            assertThat(merged.mergedBy()).isEqualTo("city-approver");
        });

        kept.absorb(duplicate, List.of(new int[] {0, 1}), "city-approver", now);

        assertThat(kept.getMembers()).as("a retried merge adds no one").hasSize(2);
        assertThat(kept.getMergedFrom()).hasSize(1);
    }

    @Test
    void aNameIsFoundWithoutItsMarksThroughAnyMember() {
        Household household = poorHousehold();
        household.update(null, List.of(new Member("Nguyễn Thị Bảy", LocalDate.of(1958, 3, 2), Gender.FEMALE, null, "HEAD"),
                new Member("Trần Văn Út", LocalDate.of(1990, 1, 1), Gender.MALE, null, "Con")), null, null, null, null);

        assertThat(household.getNameKeys()).contains("nguyen thi bay", "tran van ut");
    }

    private Household poorHousehold() {
        return new Household("h-1", "Nguyễn Thị Bảy", List.of(new Member("Nguyễn Thị Bảy", LocalDate.of(1958, 3, 2), Gender.FEMALE, null,
                "HEAD")), new Address("27547", "Ấp Cây Sộp", null), "0912345678", List.of(Category.POOR), PovertyStatus.POOR, now);
    }
}
