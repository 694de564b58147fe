package vn.ansinh.donation.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.donation.ledger.Account;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.TransientContention;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.web.ProblemFactory;

/**
 * A ledger too busy to take a reservation (other writers kept taking its next entry number) is not a
 * reason to reject a campaign: the request fails as a whole, nothing is answered, and the same request
 * delivered again (as the binder does) reserves and confirms. Runs the saga on the real wire server
 * with a ledger that is busy for its first attempts.
 */
class ReservationContentionTest extends DonationServiceTest {

    @Autowired
    Ledger ledger;
    @Autowired
    AdminUnitDirectory units;
    @Autowired
    EventFactory events;
    @Autowired
    OutboxDocuments outbox;
    @Autowired
    ProblemFactory problems;
    @Autowired
    MeterRegistry meters;

    @Test
    void aBusyLedgerIsRetriedAndNeverTurnedIntoARejection() {
        String cashFund = openFund("783", "Quỹ cứu trợ");
        String otherFund = openFund("783", "Quỹ an sinh");
        donate("783", cashFund, 5_000_000L, "CASH", null);
        donate("783", otherFund, 5_000_000L, "CASH", null);
        AtomicInteger busyFor = new AtomicInteger(1);
        Ledger busyOnTheSecondLine = new Ledger(mongo, events, outbox, Clock.systemUTC(), meters) {
            @Override
            public LedgerEntry record(Account account, Movement movement) {
                if (account.id().equals(otherFund) && busyFor.getAndDecrement() > 0) {
                    throw new TransientContention("fund-busy", account.name());
                }
                return ledger.record(account, movement);
            }
        };
        CampaignReservations saga = new CampaignReservations(mongo, busyOnTheSecondLine, units, outbox, problems, meters,
                Clock.systemUTC(), Duration.ofMinutes(10));
        String campaign = "busy-" + cashFund;
        CampaignReservationRequested request = new CampaignReservationRequested(campaign, "783",
                new Benefit(List.of(new Benefit.Money(cashFund, 2_000_000L), new Benefit.Money(otherFund, 1_000_000L)), List.of()));

        assertThatThrownBy(() -> saga.reserve(request)).isInstanceOf(TransientContention.class);
        assertThat(mongo.findById(campaign, CampaignReservation.class)).as("no answer: the request will come again").isNull();

        saga.reserve(request); // the binder's redelivery

        CampaignReservation answer = mongo.findById(campaign, CampaignReservation.class);
        assertThat(answer.getState()).isEqualTo(CampaignReservation.State.CONFIRMED);
        assertThat(ledger.totals(mongo.findById(cashFund, vn.ansinh.donation.fund.Fund.class).account()).reserved())
                .as("the first line, reserved before the contention, counts once").isEqualTo(2_000_000L);
        assertThat(ledger.totals(mongo.findById(otherFund, vn.ansinh.donation.fund.Fund.class).account()).reserved())
                .isEqualTo(1_000_000L);
    }
}
