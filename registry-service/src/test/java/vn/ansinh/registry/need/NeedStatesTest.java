package vn.ansinh.registry.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ansinh.platform.domain.Refusal;

/** A resident's need moves SUBMITTED → VERIFIED → APPROVED, or to REJECTED, and no other way (plain JUnit). */
class NeedStatesTest {

    final Instant at = Instant.parse("2026-03-01T03:00:00Z");

    @Test
    void aNeedIsVerifiedBeforeItIsApprovedAndEachStepIsKept() {
        Need need = need();

        assertThatThrownBy(() -> need.approve("h-1", "district", null, at))
                .as("no promise before someone has seen the family")
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo("need.wrong-state"));
        need.verify("commune", "Đã đến nhà", at);
        need.approve("h-1", "district", null, at);

        assertThat(need.getState()).isEqualTo(NeedState.APPROVED);
        assertThat(need.getHouseholdId()).isEqualTo("h-1");
        assertThat(need.getHistory()).extracting(Need.Step::state)
                .containsExactly(NeedState.SUBMITTED, NeedState.VERIFIED, NeedState.APPROVED);
    }

    @Test
    void aDecidedNeedIsFinal() {
        Need rejected = need();
        rejected.reject("commune", "Đã được hỗ trợ", at);
        Need approved = need();
        approved.verify("commune", null, at);
        approved.approve("h-2", "district", null, at);

        assertThatThrownBy(() -> rejected.verify("commune", null, at)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> approved.reject("district", "x", at)).isInstanceOf(Refusal.class);
        assertThat(rejected.getState()).isEqualTo(NeedState.REJECTED);
    }

    private Need need() {
        return new Need("n-1", "K7QM-2XRD-PA", "Trần Văn Út", "0987654321", "27547", "Ấp 1", List.of(NeedKind.FOOD), null, at);
    }
}
