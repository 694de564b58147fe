package vn.ansinh.distribution.sponsorship;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.distribution.replica.OrganisationReplica;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.KeyedCreation;

/**
 * Sponsorships of an office: pledged to a household of its area, paid against, ended; each read with
 * where it stands today. An organisation's person keeps only that organisation's pledges; everyone of
 * the office reads them all.
 */
@Service
public class Sponsorships {

    /** Days are the office's days: a payment made on the evening of the 5th in Hà Nội was made on the 5th. */
    private static final Set<Integer> PERIODS = Set.of(1, 3, 6, 12);
    /** Pledges an office has at most in one list read: a ward has dozens, a province a few thousand. */
    private static final int MOST_LISTED = 20_000;

    private final MongoTemplate mongo;
    private final OutboxDocuments outbox;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;
    private final HouseholdReplica households;
    private final Clock clock;

    Sponsorships(MongoTemplate mongo, OutboxDocuments outbox, OfficeScope scope, AdminUnitDirectory units,
                 HouseholdReplica households, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.scope = scope;
        this.units = units;
        this.households = households;
        this.clock = clock;
    }

    LocalDate today() {
        return vn.ansinh.platform.time.VietnamTime.today(clock);
    }

    /** Pledges once per {@code requestKey} when there is one (the caller's Idempotency-Key). */
    Sponsorship pledge(SponsorshipRequests.PledgeRequest request, String requestKey) {
        String office = scope.resolve(request.officeUnitCode());
        scope.requireCovers(office);
        String organisation = OrganisationReplica.ownerFor(mongo, scope, office, request.organisationCode());
        if (!PERIODS.contains(request.everyMonths())) {
            throw Refusal.invalid("everyMonths", "sponsorship-period");
        }
        if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw Refusal.invalid("endsOn", "ends-before-start");
        }
        if (request.endsOn() != null
                && request.startsOn().plusMonths((long) SponsorshipRequests.MOST_INSTALMENTS * request.everyMonths()).isBefore(request.endsOn())) {
            throw Refusal.invalid("endsOn", "sponsorship-too-long");
        }
        LocalDate today = today();
        if (request.startsOn().isBefore(today.minusYears(20)) || request.startsOn().isAfter(today.plusYears(1))) {
            throw Refusal.invalid("startsOn", "sponsorship-start");
        }
        HouseholdReplica.Household household = households.find(request.householdId())
                .orElseThrow(() -> Refusal.notFound("household", request.householdId()));
        if (!units.isWithin(household.unitCode(), office)) {
            // Another office's family: answered as an unknown one, so its existence is not told.
            throw Refusal.notFound("household", request.householdId());
        }
        if (!household.active()) {
            throw Refusal.unprocessable("household.inactive", request.householdId());
        }
        if (request.memberNumber() != null && request.memberNumber() > household.memberCount()) {
            throw Refusal.invalid("memberNumber", "not-a-member");
        }
        String id = KeyedCreation.idFor("sponsorship", requestKey);
        Sponsorship sponsorship = new Sponsorship(id, office, organisation, household.id(), household.unitCode(), request.memberNumber(),
                request.sponsor().strip(), request.purpose().strip(), request.amount(), request.everyMonths(), request.startsOn(),
                request.endsOn(), clock.instant());
        return requestKey == null ? outbox.insert(sponsorship)
                : KeyedCreation.createOnce(() -> mongo.findById(id, Sponsorship.class), () -> outbox.insert(sponsorship));
    }

    /** A sponsorship the caller may read; another office's is not found. */
    Sponsorship get(String id) {
        Sponsorship sponsorship = mongo.findById(id, Sponsorship.class);
        if (sponsorship == null || !scope.canRead(vn.ansinh.platform.security.CallerOffice.current(), sponsorship.getOfficeUnitCode())) {
            throw Refusal.notFound("sponsorship", id);
        }
        return sponsorship;
    }

    /** A payment recorded once per request key, or per reference when the sponsor's bank or receipt gives one. */
    Sponsorship.SponsorPayment pay(String id, SponsorshipRequests.PaymentRequest request, String requestKey) {
        String paymentId = KeyedCreation.idFor("sponsorship-payment", requestKey);
        String reference = request.reference() == null || request.reference().isBlank() ? null : request.reference().strip();
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        // Two officers recording payments of one pledge at once: the later write reads again and retries.
        for (int attempt = 1; ; attempt++) {
            Sponsorship sponsorship = changeable(id);
            int recordedBefore = sponsorship.getPayments().size();
            Sponsorship.SponsorPayment payment = sponsorship.pay(paymentId, request.amount(), request.paidOn(), reference, note, today(),
                    clock.instant());
            try {
                if (sponsorship.getPayments().size() > recordedBefore) {
                    outbox.save(sponsorship);
                }
                return payment;
            } catch (Refusal changedMeanwhile) {
                if (attempt == 3 || !OutboxDocuments.CHANGED_MEANWHILE.equals(changedMeanwhile.code())) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    Sponsorship end(String id, SponsorshipRequests.EndRequest request) {
        Sponsorship sponsorship = changeable(id);
        LocalDate endedBefore = sponsorship.getEndedOn();
        sponsorship.end(request.on(), request.reason().strip());
        return request.on().equals(endedBefore) ? sponsorship : outbox.save(sponsorship);
    }

    private Sponsorship changeable(String id) {
        Sponsorship sponsorship = get(id);
        scope.requireCovers(sponsorship.getOfficeUnitCode());
        scope.requireActsFor(sponsorship.getOrganisationCode());
        return sponsorship;
    }

    /**
     * The sponsorships of an area (default the caller's office) or of one household of it, those in arrears first by how long they
     * have been owed when {@code inArrears}; each with where it stands today.
     */
    List<Sponsorship> list(String unit, String householdId, Sponsorship.State state, boolean inArrears) {
        List<Criteria> filters = new java.util.ArrayList<>(List.of(scope.listArea("unitCode", unit)));
        if (householdId != null) {
            filters.add(Criteria.where("householdId").in(households.familyOf(householdId)));
        }
        if (state != null) {
            filters.add(Criteria.where("state").is(state));
        }
        Criteria area = new Criteria().andOperator(filters.toArray(Criteria[]::new));
        List<Sponsorship> found = mongo.find(Query.query(area).with(Sort.by("startsOn", "_id")).limit(MOST_LISTED), Sponsorship.class);
        if (!inArrears) {
            return found;
        }
        LocalDate today = today();
        // Each standing walked once: the filter and the order read the same one.
        record Owed(Sponsorship sponsorship, PledgeSchedule.Standing standing) {
        }
        return found.stream().map(sponsorship -> new Owed(sponsorship, sponsorship.schedule().standing(sponsorship.paid(), today)))
                .filter(owed -> owed.standing().arrears() > 0)
                .sorted(Comparator.comparing((Owed owed) -> owed.standing().oldestUnpaidDueOn())
                        .thenComparing(owed -> owed.sponsorship().getId()))
                .map(Owed::sponsorship).toList();
    }
}
