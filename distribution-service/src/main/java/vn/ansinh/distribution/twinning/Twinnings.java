package vn.ansinh.distribution.twinning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.replica.OrganisationReplica;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.KeyedCreation;

/** Twinnings of agencies with villages of an office's area, and what each agency gave. */
@Service
public class Twinnings {

    /** Twinnings or contributions one read returns at most: a province has a few hundred twinnings. */
    static final int MOST_LISTED = 20_000;

    private final MongoTemplate mongo;
    private final OutboxDocuments outbox;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;
    private final Clock clock;

    Twinnings(MongoTemplate mongo, OutboxDocuments outbox, OfficeScope scope, AdminUnitDirectory units, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.scope = scope;
        this.units = units;
        this.clock = clock;
    }

    LocalDate today() {
        return vn.ansinh.platform.time.VietnamTime.today(clock);
    }

    Twinning agree(TwinningRequests.AgreeRequest request, String requestKey) {
        String office = scope.resolve(request.officeUnitCode());
        scope.requireCovers(office);
        String organisation = OrganisationReplica.ownerFor(mongo, scope, office, request.organisationCode());
        String unit = scope.resolve(request.unitCode());
        if (!units.isWithin(unit, office)) {
            throw Refusal.outOfScope(unit);
        }
        if (request.since().isAfter(today())) {
            throw Refusal.invalid("since", "in-the-future");
        }
        String id = KeyedCreation.idFor("twinning", requestKey);
        Twinning twinning = new Twinning(id, office, organisation, request.agency().strip(), unit, request.village().strip(),
                request.since(), clock.instant());
        return requestKey == null ? outbox.insert(twinning)
                : KeyedCreation.createOnce(() -> mongo.findById(id, Twinning.class), () -> outbox.insert(twinning));
    }

    /** A twinning the caller may read; another office's is not found. */
    public Twinning get(String id) {
        Twinning twinning = mongo.findById(id, Twinning.class);
        if (twinning == null || !scope.canRead(CallerOffice.current(), twinning.getOfficeUnitCode())) {
            throw Refusal.notFound("twinning", id);
        }
        return twinning;
    }

    private Twinning changeable(String id) {
        Twinning twinning = get(id);
        scope.requireCovers(twinning.getOfficeUnitCode());
        scope.requireActsFor(twinning.getOrganisationCode());
        return twinning;
    }

    /** Records what the agency gave, once per request key; only on a day within the twinning. */
    Contribution contribute(String twinningId, TwinningRequests.ContributionRequest request, String requestKey) {
        Twinning twinning = changeable(twinningId);
        if (request.on().isAfter(today())) {
            throw Refusal.invalid("on", "in-the-future");
        }
        if (!twinning.covers(request.on())) {
            throw Refusal.invalid("on", "outside-the-twinning");
        }
        String id = KeyedCreation.idFor("twinning-contribution", requestKey);
        String description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        Contribution contribution = new Contribution(id, twinning, request.kind(), request.on(), request.quantity(), request.value(),
                description, clock.instant());
        return requestKey == null ? outbox.insert(contribution)
                : KeyedCreation.createOnce(() -> mongo.findById(id, Contribution.class), () -> outbox.insert(contribution));
    }

    Twinning end(String id, TwinningRequests.EndTwinningRequest request) {
        Twinning twinning = changeable(id);
        return twinning.end(request.on(), request.reason().strip(), today()) ? outbox.save(twinning) : twinning;
    }

    /** The twinnings of an area (default the caller's office), of one village when {@code village} is given, oldest first. */
    List<Twinning> list(String unit, String village) {
        List<Criteria> filters = new ArrayList<>(List.of(scope.listArea("unitCode", unit)));
        if (village != null && !village.isBlank()) {
            filters.add(Criteria.where("villageKey").is(Twinning.villageKey(village)));
        }
        return mongo.find(Query.query(new Criteria().andOperator(filters.toArray(Criteria[]::new))).with(Sort.by("since", "_id"))
                .limit(MOST_LISTED), Twinning.class);
    }

    /** What was given under these twinnings, oldest first. */
    List<Contribution> contributionsOf(List<String> twinningIds) {
        return mongo.find(Query.query(Criteria.where("twinningId").in(twinningIds)).with(Sort.by("on", "_id")).limit(MOST_LISTED),
                Contribution.class);
    }
}
