package vn.ansinh.donation.fund;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.web.KeyedCreation;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.Totals;
import vn.ansinh.donation.organisation.Organisations;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

@Service
public class FundService {

    /** What a list's {@code organisationCode} filter says for "the office's own, of no organisation". */
    public static final String OFFICE_ITSELF = "OFFICE";

    private final FundRepository funds;
    private final org.springframework.data.mongodb.core.MongoTemplate mongo;
    private final Ledger ledger;
    private final OfficeScope scope;
    private final OutboxDocuments outbox;
    private final Clock clock;

    private final Organisations organisations;

    public FundService(FundRepository funds, Ledger ledger, OfficeScope scope, OutboxDocuments outbox, Clock clock,
                       org.springframework.data.mongodb.core.MongoTemplate mongo, Organisations organisations) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.funds = funds;
        this.ledger = ledger;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Fund open(OpenFundRequest request) {
        return outbox.insert(newFund(UUID.randomUUID().toString(), request));
    }

    /** Opens the fund once per {@code requestKey} (the caller's Idempotency-Key): see {@link KeyedCreation}. */
    public Fund open(OpenFundRequest request, String requestKey) {
        Fund fund = newFund(KeyedCreation.idFor("fund", requestKey), request); // checks the caller's area first, also for a retry
        return KeyedCreation.createOnce(() -> funds.findById(fund.getId()).orElse(null), () -> outbox.insert(fund));
    }

    private Fund newFund(String id, OpenFundRequest request) {
        String office = scope.resolve(request.officeUnitCode()); // a plain code means the unit carrying it today
        scope.requireCovers(office);
        return new Fund(id, request.name().strip(), office, request.purpose(),
                organisations.ownerFor(office, request.organisationCode()), clock.instant());
    }

    /**
     * A fund the caller may read (its area, or any fund for an auditor); otherwise reported as absent.
     * Changes check the area again: reading a fund is not managing it.
     */
    public Fund get(String id) {
        return readableBy(funds.findById(id).orElseThrow(() -> Refusal.notFound("fund", id)));
    }

    /** Another office's fund is answered as an unknown one. */
    private Fund readableBy(Fund fund) {
        if (!scope.canRead(CallerOffice.current(), fund.getOfficeUnitCode())) {
            throw Refusal.notFound("fund", fund.getId());
        }
        return fund;
    }

    /**
     * A fund the caller may change: in its area, and — for a person who acts for an organisation — one of
     * that organisation's funds. Everyone of the office still reads every fund of the office.
     */
    public Fund manageable(String id) {
        return changeableBy(get(id));
    }

    private Fund changeableBy(Fund fund) {
        scope.requireCovers(fund.getOfficeUnitCode());
        scope.requireActsFor(fund.getOrganisationCode());
        return fund;
    }

    /** How long a fund read for a receipt is reused. */
    private static final long RECENT_NANOS = 5_000_000_000L;
    private static final int MOST_RECENT = 10_000;

    private record RecentFund(Fund fund, long readAt) {
    }

    /** Funds read for receipts lately, by id: see {@link #receivable}. */
    private final java.util.Map<String, RecentFund> recentlyRead = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #manageable}, for the receipts a crisis sends into one fund thousands of times a second: a fund's
     * office, organisation and account never change once opened (funds are not closed or moved), so the
     * document read for one gift serves the next ones for a few seconds. The caller's scope is checked every time.
     */
    public Fund receivable(String id) {
        long now = System.nanoTime();
        RecentFund recent = recentlyRead.get(id);
        Fund fund;
        if (recent != null && now - recent.readAt() < RECENT_NANOS) {
            fund = recent.fund();
        } else {
            fund = funds.findById(id).orElseThrow(() -> Refusal.notFound("fund", id));
            if (recentlyRead.size() >= MOST_RECENT) {
                recentlyRead.clear();
            }
            recentlyRead.put(id, new RecentFund(fund, now));
        }
        return changeableBy(readableBy(fund));
    }

    /**
     * Funds kept by offices of the requested unit and below (default the caller's office), by name, paged;
     * with {@code organisationCode}, only that organisation's ({@code OFFICE} for the offices' own funds).
     */
    public org.springframework.data.domain.Page<Fund> list(String officeUnitCode, String organisationCode, int page, int size) {
        org.springframework.data.domain.PageRequest pageable = org.springframework.data.domain.PageRequest.of(page, size,
                org.springframework.data.domain.Sort.by("officeUnitCode", "name", "_id"));
        org.springframework.data.mongodb.core.query.Criteria area = scope.listArea("officeUnitCode", officeUnitCode);
        if (organisationCode != null) {
            area = new org.springframework.data.mongodb.core.query.Criteria().andOperator(area,
                    org.springframework.data.mongodb.core.query.Criteria.where("organisationCode")
                            .is(OFFICE_ITSELF.equals(organisationCode) ? null : organisationCode));
        }
        org.springframework.data.mongodb.core.query.Query query = org.springframework.data.mongodb.core.query.Query.query(area);
        long total = mongo.count(query, Fund.class);
        return new org.springframework.data.domain.PageImpl<>(mongo.find(query.with(pageable), Fund.class), pageable, total);
    }

    public Totals totalsOf(Fund fund) {
        return ledger.totals(fund.account());
    }
}
