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

        assertThatThrownBy(() -> campaign.approve(3, share(3), Map.of(), "district", now)).satisfies(refused("parts-not-submitted"));
        assertThatThrownBy(() -> campaign.submitPart("27496", 3, "thi-tran", now)).satisfies(refused("over-quota"));
        campaign.submitPart("27496", 2, "thi-tran", now);
        assertThatThrownBy(() -> campaign.submitPart("27496", 2, "thi-tran", now)).satisfies(refused("part-already-submitted"));
        assertThatThrownBy(() -> campaign.submitPart("26761", 1, "cau-kho", now)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE));
        campaign.submitPart("27547", 4, "tan-thanh-dong", now);
        assertThatThrownBy(() -> campaign.approve(0, share(0), Map.of(), "district", now)).satisfies(refused("empty-list"));

        campaign.approve(6, share(6), Map.of(), "district", now);

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

    @Test
    void aTableByCategoryPaysEachHouseholdByTheFirstRowItMatchesAndTheDefaultOtherwise() {
        CampaignBenefit byCategory = new CampaignBenefit(new CampaignBenefit.Cash("fund-1", 500_000L),
                List.of(new CampaignBenefit.Goods("Gạo", "kg", BigDecimal.TEN, null)), CampaignBenefit.Basis.HOUSEHOLD,
                List.of(new CampaignBenefit.KindRate("POOR", 1_500_000L, List.of(new CampaignBenefit.KindQuantity("gạo", new BigDecimal("20")))),
                        new CampaignBenefit.KindRate("NEAR_POOR", 1_000_000L, null)));
        byCategory.requireComplete();

        Share poorAndNearPoor = byCategory.shareOf(List.of("NEAR_POOR", "POOR"), 4, null);
        assertThat(poorAndNearPoor.cash()).as("the office's first row wins, whatever order the household's categories come in")
                .isEqualTo(1_500_000L);
        assertThat(poorAndNearPoor.goods()).containsExactly(new Share.Quantity("Gạo", 20_000));
        assertThat(poorAndNearPoor.kind()).isEqualTo("POOR");
        Share nearPoor = byCategory.shareOf(List.of("NEAR_POOR"), 2, null);
        assertThat(nearPoor.cash()).isEqualTo(1_000_000L);
        assertThat(nearPoor.goods()).as("a row that names no goods gives the default quantity").containsExactly(new Share.Quantity("Gạo", 10_000));
        assertThat(byCategory.shareOf(List.of("ELDERLY_ALONE"), 1, null).cash()).isEqualTo(500_000L);
    }

    @Test
    void paidPerPersonEachMemberCountsOnceByTheirFirstMatchingKindAndAHouseholdWithNobodyEligibleReceivesNothing() {
        // Cầu Kho: lottery-ticket sellers 1,500,000, workers who lost income 1,000,000, nobody else.
        CampaignBenefit perPerson = new CampaignBenefit(new CampaignBenefit.Cash("fund-1", null), null, CampaignBenefit.Basis.PERSON,
                List.of(new CampaignBenefit.KindRate("LOTTERY_SELLER", 1_500_000L, null),
                        new CampaignBenefit.KindRate("LOST_INCOME_WORKER", 1_000_000L, null)));
        perPerson.requireComplete();

        Share family = perPerson.shareOf(List.of("POOR"), 4,
                List.of(List.of("LOST_INCOME_WORKER", "LOTTERY_SELLER"), List.of("LOST_INCOME_WORKER"), List.of(), List.of("CHILD")));
        assertThat(family.cash()).as("the seller who also lost work is paid once, as a seller").isEqualTo(2_500_000L);
        assertThat(family.persons()).isEqualTo(2);
        assertThat(perPerson.shareOf(List.of("POOR"), 3, List.of()).isEmpty()).isTrue();

        // Củ Chi: the same to every person of the household.
        CampaignBenefit everyone = new CampaignBenefit(new CampaignBenefit.Cash("fund-1", 1_000_000L), null, CampaignBenefit.Basis.PERSON, null);
        assertThat(everyone.shareOf(List.of("POOR"), 5, null).cash()).isEqualTo(5_000_000L);
        assertThat(everyone.shareOf(List.of("POOR"), 5, null).persons()).isEqualTo(5);
    }

    @Test
    void aBenefitThatCouldGiveNobodyAnythingOrATableNamingGoodsItDoesNotGiveIsRefused() {
        assertThatThrownBy(() -> new CampaignBenefit(new CampaignBenefit.Cash("fund-1", null), null, null, null).requireComplete())
                .satisfies(invalid("benefit.cash.amountPerHousehold"));
        assertThatThrownBy(() -> new CampaignBenefit(null, List.of(new CampaignBenefit.Goods("Gạo", "kg", BigDecimal.ZERO, null)), null, null)
                .requireComplete()).satisfies(invalid("benefit.items.quantityPerHousehold"));
        assertThatThrownBy(() -> new CampaignBenefit(null, List.of(new CampaignBenefit.Goods("Gạo", "kg", BigDecimal.ZERO, null)),
                null, List.of(new CampaignBenefit.KindRate("POOR", 100L, null))).requireComplete()).satisfies(invalid("benefit.cash"));
        assertThatThrownBy(() -> new CampaignBenefit(null, List.of(new CampaignBenefit.Goods("Gạo", "kg", BigDecimal.ZERO, null)),
                null, List.of(new CampaignBenefit.KindRate("POOR", null, List.of(new CampaignBenefit.KindQuantity("Mì", BigDecimal.ONE)))))
                .requireComplete()).satisfies(invalid("benefit.byKind.items.item"));
        assertThatThrownBy(() -> new CampaignBenefit(new CampaignBenefit.Cash("fund-1", 1L), null, null,
                List.of(new CampaignBenefit.KindRate("POOR", 2L, null), new CampaignBenefit.KindRate("POOR", 3L, null))).requireComplete())
                .satisfies(invalid("benefit.byKind.kind"));
    }

    @Test
    void theNextRoundFollowsOnlyARoundThatWentAheadAndIsNoOverlapWithItsProgramme() {
        Campaign draft = campaign(cash(), null, null, Map.of("27496", 40));
        assertThatThrownBy(() -> draft.nextRound("c-2", "Đợt 2", null, null, now)).satisfies(refused("round.previous-not-approved"));

        Campaign first = approved();
        first.reserved();
        Campaign second = first.nextRound("c-2", "Hỗ trợ giãn cách – đợt 2", null, null, now);
        Campaign third = campaign(cash(), null, null, Map.of());

        assertThat(second.getRound()).isEqualTo(2);
        assertThat(second.getProgrammeId()).isEqualTo("c-1");
        assertThat(second.getPreviousRoundId()).isEqualTo("c-1");
        assertThat(second.getState()).isEqualTo(CampaignState.DRAFT);
        assertThat(second.overlaps(first)).as("both pay cash with no dates").isTrue();
        assertThat(second.sameProgrammeAs(first)).isTrue();
        assertThat(second.sameProgrammeAs(new Campaign("c-9", "Khác", "783", null, List.of("27547"), List.of("POOR"), List.of(), List.of(),
                cash(), null, null, false, Map.of(), now))).isFalse();
        assertThat(third.getRound()).isEqualTo(1);
    }

    private static Share share(long households) {
        return new Share(1_500_000L * households, List.of(), Math.toIntExact(households * 3), null);
    }

    private static java.util.function.Consumer<Throwable> invalid(String field) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.fields()).extracting(Refusal.Field::name).containsExactly(field));
    }

    private Campaign approved() {
        Campaign campaign = campaign(cash(), null, null, Map.of());
        campaign.submitPart("27547", 1, "x", now);
        campaign.submitPart("27496", 1, "x", now);
        campaign.approve(2, share(2), Map.of(), "district", now);
        return campaign;
    }

    private Campaign campaign(CampaignBenefit benefit, LocalDate startsOn, LocalDate endsOn, Map<String, Integer> quotas) {
        return new Campaign("c-1", "Hỗ trợ giãn cách", "783", null, List.of("27547", "27496"), List.of("POOR"), List.of(), List.of(),
                benefit, startsOn, endsOn, false, quotas, now);
    }

    private static CampaignBenefit cash() {
        return new CampaignBenefit(new CampaignBenefit.Cash("fund-1", 1_500_000L), null, null, null);
    }

    private static CampaignBenefit rice() {
        return new CampaignBenefit(null, List.of(new CampaignBenefit.Goods("Gạo", "kg", BigDecimal.TEN, null)), null, null);
    }

    private static java.util.function.Consumer<Throwable> refused(String code) {
        return thrown -> assertThat(thrown).isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.code()).isEqualTo(code));
    }
}
