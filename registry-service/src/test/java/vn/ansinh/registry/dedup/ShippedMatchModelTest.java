package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The model the registry ships is the one EM estimates from the tuning population — evidence, not
 * numbers set by hand — and its weights point the way evidence should.
 */
class ShippedMatchModelTest {

    @Test
    void theShippedModelIsTheEstimateFromTheTuningPopulation() {
        MatchModel shipped = MatchModel.shipped();
        MatchModel estimated = ShippedMatchModel.estimate();

        assertThat(shipped.lambda()).isCloseTo(estimated.lambda(), within(1e-9));
        for (Comparison.Field field : Comparison.Field.values()) {
            for (int level = 0; level < field.levels().size(); level++) {
                assertThat(shipped.weight(field, level)).as(field + "=" + field.levels().get(level))
                        .isCloseTo(estimated.weight(field, level), within(1e-9));
            }
        }
    }

    @Test
    void agreementSpeaksForOneHouseholdAndDisagreementAgainst() {
        MatchModel model = MatchModel.shipped();
        assertThat(model.weight(Comparison.Field.CITIZEN_ID, Comparison.ID_SAME)).isPositive();
        assertThat(model.weight(Comparison.Field.NAME, Comparison.NAME_EXACT)).isPositive();
        assertThat(model.weight(Comparison.Field.NAME, Comparison.NAME_DIFFERENT)).isNegative();
        assertThat(model.weight(Comparison.Field.BIRTH_DATE, Comparison.BIRTH_EXACT))
                .isGreaterThan(model.weight(Comparison.Field.BIRTH_DATE, Comparison.BIRTH_SWAPPED)).isPositive();
        assertThat(model.weight(Comparison.Field.BIRTH_DATE, Comparison.BIRTH_DIFFERENT)).isNegative();
        assertThat(model.weight(Comparison.Field.PHONE, 0)).isPositive();
        assertThat(model.weight(Comparison.Field.OTHER_MEMBERS, 2)).as("another member matching too").isGreaterThan(5);
        assertThat(model.weight(Comparison.Field.OTHER_MEMBERS, 3)).as("two or more matching too").isGreaterThan(5);
        assertThat(model.weight(Comparison.Field.OTHER_MEMBERS, 1)).as("the others all different").isNegative();
    }

    @Test
    void aFamilyRegisteredUnderAnotherHeadIsComparedThroughItsMembers() {
        HouseholdProfile first = HouseholdProfile.of("a", "27547", "Ấp 3", null, java.util.List.of(
                HouseholdProfile.Person.of("Trần Văn Hùng", java.time.LocalDate.of(1970, 4, 2), null),
                HouseholdProfile.Person.of("Lê Thị Lan", java.time.LocalDate.of(1972, 9, 9), null),
                HouseholdProfile.Person.of("Trần Minh Tuấn", java.time.LocalDate.of(2001, 1, 15), null)));
        HouseholdProfile again = HouseholdProfile.of("b", "27547", "Ấp 3", null, java.util.List.of(
                HouseholdProfile.Person.of("le thi lan", java.time.LocalDate.of(1972, 9, 9), null),
                HouseholdProfile.Person.of("Trần Minh Tuấn", java.time.LocalDate.of(2001, 1, 15), null),
                HouseholdProfile.Person.of("Tran Van Hung", java.time.LocalDate.of(1970, 2, 4), null)));

        MatchScorer.Match match = new MatchScorer(MatchModel.shipped()).score(again, first);

        assertThat(match.score()).isGreaterThanOrEqualTo(MatchScorer.CASE_THRESHOLD);
        assertThat(match.matchedMembers()).hasSize(3);
        assertThat(match.reasons()).contains(MatchReason.SAME_ADDRESS_AND_MEMBERS);
    }
}
