package vn.ansinh.donation.donation;

import java.time.Clock;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.fund.FundService;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.OutboxRelay;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Records money received. Write path: the outbox (donation and event in one document write), so an
 * acknowledged donation is never lost and is published at least once.
 */
@Service
public class CashDonationService {

    private final CashDonationRepository donations;
    private final FundService funds;
    private final OfficeScope scope;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;

    public CashDonationService(CashDonationRepository donations, FundService funds, OfficeScope scope,
                               EventFactory events, OutboxRelay relay, Clock clock) {
        this.donations = donations;
        this.funds = funds;
        this.scope = scope;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public CashDonation receive(CashDonationRequest request) {
        Fund fund = funds.get(request.fundId());
        scope.requireCovers(fund.getOfficeUnitCode());
        String reference = request.reference() == null || request.reference().isBlank() ? null : request.reference();
        if (reference != null) {
            var existing = donations.findByChannelAndReference(request.channel(), reference);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        CashDonation donation = new CashDonation(UUID.randomUUID().toString(), fund.getId(), fund.getOfficeUnitCode(),
                request.donorId(), request.amount(), request.channel(), reference, clock.instant());
        donation.recordEvent(events.create(Topics.DONATIONS, EventTypes.CASH_DONATION_RECEIVED, donation.getId(),
                donation.nextVersion(), new CashDonationReceived(donation.getId(), fund.getId(), fund.getOfficeUnitCode(),
                        donation.getAmount(), donation.getChannel().name(), donation.getReceivedAt())));
        try {
            CashDonation saved = donations.save(donation);
            relay.saved("donations", saved.getId(), saved.pendingEvents());
            return saved;
        } catch (DuplicateKeyException sameReferenceAtTheSameMoment) {
            return donations.findByChannelAndReference(request.channel(), reference).orElseThrow();
        }
    }
}
