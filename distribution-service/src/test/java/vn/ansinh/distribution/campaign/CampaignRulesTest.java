package vn.ansinh.distribution.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.ansinh.platform.domain.Refusal;

/** A campaign's own rules — parts, quotas, approval order, closing, overlap — without Spring or a database. */
class CampaignRulesTest {

    final Instant now = Instant.parse("2026-08-20T03:00:00Z");

    @Test
    void theListIsApprovedOnlyOnceEveryPartIsInAndNoPartGoesOverItsQuota() {
        Campaign campaign = campaign(cash(), null, null, Map.of("27496", 2));

        assertThatThrownBy(() -> campaign.approve(3, Map.of(), "district", now)).satisfies(refused("parts-not-submitted"));
        assertThatThrownBy(() -> campaign.submitPart("27496", 3, "thi-tran", now)).satisfies(refused("over-quota"));
        campaign.submitPart("27496", 2, "thi-tran", now);
        assertThatThrownBy(() -> campaign.submitPart("27496", 2, "thi-tran", now)).satisfies(refused("part-already-submitted"));
        assertThatThrownBy(() -> campaign.submitPart("26761", 1, "cau-kho", now)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE));
        campaign.submitPart("27547", 4, "tan-thanh-dong", now);
        assertThatThrownBy(() -> campaign.approve(0, Map.of(), "district", now)).satisfies(refused("empty-list"));

        campaign.approve(6, Map.of(), "district", now);

        assertThat(campaign.getState()).isEqualTo(CampaignState.APPROVING);
        assertThat(campaign.getApprovedHouseholds()).isEqualTo(6);
        assertThatThrownBy(() -> campaign.submitPart("27547", 4, "x", now)).satisfies(refused("campaign.wrong-state"));
    }

    @Test
    void theReservationsAnswerMovesAnApprovingCampaignOnceAndADraftCannotBeClosed() {
        Campaign draft = campaign(cash(), null, null, Map.of());
        assertThatThrownBy(() -> draft.close("Kết thúc", now)).satisfies(refused("campaign.not-closable"));

        Campaign campaign = approved();
        assertThat(campaign.reserved()).isTrue();
        assertThat(campaign.reserved()).as("a second confirmation changes nothing").isFalse();
        assertThat(campaign.reject("insufficient-funds", "x")).as("too late to reject").isFalse();
        campaign.close("Kết thúc", now);
        assertThat(campaign.getState()).isEqualTo(CampaignState.CLOSED);
        assertThatThrownBy(() -> campaign.close("Kết thúc", now)).satisfies(refused("campaign.not-closable"));
    }

    @Test
    void campaignsOverlapWhenTheyRunAtTheSameTimeAndGiveTheSameKindOfBenefit() {
        Campaign augustCash = campaign(cash(), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31), Map.of());
        Campaign lateAugustCash = campaign(cash(), LocalDate.of(2026, 8, 20), null, Map.of());
        Campaign septemberCash = campaign(cash(), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), Map.of());
        Campaign augustRice = campaign(rice(), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31), Map.of());

        assertThat(augustCash.overlaps(lateAugustCash)).isTrue();
        assertThat(augustCash.overlaps(septemberCash)).isFalse();
        assertThat(augustCash.overlaps(augustRice)).as("rice is not the same kind of benefit as cash").isFalse();
    }

    @Test
    void theCloseEventCarriesTheDeliveriesTheCampaignHadRecorded() {
        Campaign campaign = approved();
        campaign.reserved();

        assertThat(campaign.closedEvent("done").deliveriesRecorded()).isZero();
        assertThat(campaign.closedEvent("done").campaignId()).isEqualTo("c-1");
    }

    private Campaign approved() {
        Campaign campaign = campaign(cash(), null, null, Map.of());
        campaign.submitPart("27547", 1, "x", now);
        campaign.submitPart("27496", 1, "x", now);
        campaign.approve(2, Map.of(), "district", now);
        return campaign;
    }

    private Campaign campaign(CampaignBenefit benefit, LocalDate startsOn, LocalDate endsOn, Map<String, Integer> quotas) {
        return new Campaign("c-1", "Hỗ trợ giãn cách", "783", List.of("27547", "27496"), List.of("POOR"), List.of(), List.of(),
                benefit, startsOn, endsOn, false, quotas, now);
    }

    private static CampaignBenefit cash() {
        return new CampaignBenefit(new CampaignBenefit.Cash("fund-1", 1_500_000L), null);
    }

    private static CampaignBenefit rice() {
        return new CampaignBenefit(null, List.of(new CampaignBenefit.Goods("Gạo", "kg", BigDecimal.TEN, null)));
    }

    private static java.util.function.Consumer<Throwable> refused(String code) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo(code));
    }
}
