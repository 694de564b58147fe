package vn.ansinh.donation.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.donor.DonorService;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.donation.organisation.Organisations;
import vn.ansinh.donation.stock.Quantities;
import vn.ansinh.donation.stock.StockService;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.OfficeScope;

/** Goods received by an office: recorded with a receipt number, then added to the office's stock. */
@Service
class InKindDonationService {

    private static final Duration SWEEP_AFTER = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final StockService stock;
    private final Ledger ledger;
    private final DonorService donors;
    private final ReceiptNumbers receipts;
    private final OfficeScope scope;
    private final OutboxDocuments outbox;
    private final Clock clock;
    private final Organisations organisations;

    InKindDonationService(MongoTemplate mongo, StockService stock, Ledger ledger, DonorService donors, ReceiptNumbers receipts,
                          OfficeScope scope, OutboxDocuments outbox, Clock clock, Organisations organisations) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.stock = stock;
        this.ledger = ledger;
        this.donors = donors;
        this.receipts = receipts;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
    }

    public InKindDonation receive(InKindDonationRequest request) {
        String office = scope.resolve(request.officeUnitCode()); // a plain code means the unit carrying it today
        scope.requireCovers(office);
        if (request.donorId() != null) {
            donors.require(request.donorId());
        }
        List<InKindDonation.Line> lines = request.items().stream().map(item -> new InKindDonation.Line(item.item().strip(),
                item.unit().strip(), Quantities.toThousandths(item.quantity()), item.estimatedValue(), item.expiresOn())).toList();
        String organisation = organisations.ownerFor(office, request.organisationCode());
        InKindDonation donation = new InKindDonation(UUID.randomUUID().toString(), office, organisation, request.donorId(),
                receipts.next(office), lines, clock.instant());
        InKindDonation saved = outbox.insert(donation);
        addToStock(saved);
        return saved;
    }

    /** Each line enters the stock once (its operation key is the donation and the line), then the donation is marked done. */
    private void addToStock(InKindDonation donation) {
        List<InKindDonation.Line> lines = donation.getLines();
        for (int i = 0; i < lines.size(); i++) {
            InKindDonation.Line line = lines.get(i);
            ledger.record(stock.itemOf(donation.getOfficeUnitCode(), donation.getOrganisationCode(), line.item(), line.unit()).account(),
                    Movement.received("goods:" + donation.getId() + ":" + i, line.quantityThousandths(), donation.getId(),
                            donation.getDonorId(), null, null, donation.getReceiptNumber()).expiringOn(line.expiresOn()));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(donation.getId())), new Update().set("stockApplied", true),
                InKindDonation.class);
    }

    /** Finishes donations whose lines a crash kept from reaching the stock. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT10S")
    void finishInterrupted() {
        Query unfinished = Query.query(Criteria.where("stockApplied").is(false)
                .and("receivedAt").lt(clock.instant().minus(SWEEP_AFTER)));
        mongo.find(unfinished, InKindDonation.class).forEach(this::addToStock);
    }
}
