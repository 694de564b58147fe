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
