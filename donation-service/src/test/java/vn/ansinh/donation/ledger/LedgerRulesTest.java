package vn.ansinh.donation.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The arithmetic of an account and of a campaign's share of it, without Spring or a database. */
class LedgerRulesTest {

    @Test
    void anAccountNeverPromisesMoreThanItHoldsNorGivesBackMoreThanWasReserved() {
        Totals totals = Totals.EMPTY.after(Movement.received("r1", 10_000_000L, "d1", null, "CASH", null, "783-2026-000001"));
        Totals reserved = totals.after(Movement.reserved("c1", "f", 6_000_000L, "Giữ"));

        assertThat(reserved.available()).isEqualTo(4_000_000L);
        assertThat(reserved.refusalOf(Movement.reserved("c2", "f", 4_000_001L, "Giữ"))).isEqualTo("insufficient-funds");
        assertThat(reserved.refusalOf(Movement.reserved("c2", "f", 4_000_000L, "Giữ"))).isNull();
        assertThat(reserved.refusalOf(Movement.released("c1", "f", 6_000_001L))).isEqualTo("release-exceeds-reservation");

        Totals spent = reserved.after(Movement.spentOnDelivery("c1", "del-1", "f", 1_500_000L, "Cấp phát"));
        assertThat(spent.balance()).isEqualTo(8_500_000L);
        assertThat(spent.reserved()).isEqualTo(4_500_000L);
        assertThat(spent.available()).as("spending out of a reservation does not change what is available").isEqualTo(4_000_000L);
        assertThat(spent.after(Movement.returnedFromDelivery("c1", "del-1", "f", 1_500_000L, "Ghi nhầm")))
                .isEqualTo(new Totals(4, 10_000_000L, 6_000_000L, 0L));
        assertThat(spent.refusalOf(Movement.spentDirectly("d", 4_000_001L, "Nhà"))).isEqualTo("insufficient-funds");
    }

    @Test
    void aCampaignSpendsOnlyWhatItHoldsAndNothingAfterItsCloseGaveItBack() {
        CampaignShare held = CampaignShare.NONE.after(Movement.reserved("c1", "f", 3_000_000L, "Giữ"));
        CampaignShare afterTwo = held.after(Movement.spentOnDelivery("c1", "d1", "f", 1_000_000L, "x"))
                .after(Movement.spentOnDelivery("c1", "d2", "f", 1_000_000L, "x"));

        assertThat(afterTwo.reserved()).isEqualTo(1_000_000L);
        assertThat(afterTwo.refusalOf(Movement.spentOnDelivery("c1", "d3", "f", 1_000_001L, "x")))
                .isEqualTo("spend-exceeds-campaign-reservation");
        CampaignShare closed = afterTwo.after(Movement.released("c1", "f", 1_000_000L));
        assertThat(closed.refusalOf(Movement.spentOnDelivery("c1", "d3", "f", 1L, "x"))).isEqualTo("spend-exceeds-campaign-reservation");
        assertThat(CampaignShare.concerns(Movement.spentDirectly("d", 1L, "x"))).as("a direct spend is no campaign's").isFalse();
        assertThat(CampaignShare.concerns(Movement.received("r", 1L, "d", null, "CASH", null, null))).isFalse();
    }
}
