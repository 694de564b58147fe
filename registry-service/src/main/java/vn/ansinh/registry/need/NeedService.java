package vn.ansinh.registry.need;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.registry.adminunit.AdminUnitService;
import vn.ansinh.registry.household.Household;
import vn.ansinh.registry.household.HouseholdService;

/** Needs from the public link, and the officers' decisions on them; each step is saved with its event. */
@Service
class NeedService {

    private final MongoTemplate mongo;
    private final AdminUnitService units;
    private final OfficeScope scope;
    private final HouseholdService households;
    private final OutboxDocuments outbox;
    private final Clock clock;

    NeedService(MongoTemplate mongo, AdminUnitService units, OfficeScope scope,
                HouseholdService households, OutboxDocuments outbox, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.scope = scope;
        this.households = households;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Need submit(SubmitNeedRequest request) {
        String unitCode = units.requireValidToday(request.unitCode()).getCode();
        Need need = new Need(UUID.randomUUID().toString(), TrackingCodes.next(), request.fullName(), request.phone(),
                unitCode, request.hamlet(), request.needs().stream().distinct().toList(), request.note(), clock.instant());
        return outbox.save(need);
    }

    public Need byTrackingCode(String trackingCode) {
        Need need = mongo.findOne(Query.query(Criteria.where("trackingCode").is(trackingCode)), Need.class);
        if (need == null) {
            throw Refusal.notFound("need", trackingCode);
        }
        return need;
    }

    public record NeedPage(List<Need> content, long totalElements) {
    }

    public NeedPage list(String unitCode, NeedState state, int page, int size) {
        Criteria criteria = scope.listArea("unitCode", unitCode);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Need.class);
        List<Need> content = mongo.find(query.with(Sort.by("submittedAt", "_id")).skip((long) page * size).limit(size), Need.class);
        return new NeedPage(content, total);
    }

    public Need verify(String id, NeedDecisionRequest request) {
        Need need = get(id);
        decide(need, () -> need.verify(CallerOffice.current().clientId(), request.reason(), clock.instant()));
        return outbox.save(need);
    }

    public Need reject(String id, NeedDecisionRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw Refusal.invalid("reason", "required");
        }
        Need need = get(id);
        decide(need, () -> need.reject(CallerOffice.current().clientId(), request.reason(), clock.instant()));
        return outbox.save(need);
    }

    /** Links the need to a household of the area, registering it first when it is not on the registry yet. */
    public Need approve(String id, NeedDecisionRequest request) {
        if ((request.householdId() == null) == (request.household() == null)) {
            throw Refusal.invalid("householdId", "need.household-or-registration");
        }
        Need need = get(id);
        if (need.getState() != NeedState.VERIFIED) {
            // Checked before a household is registered for it.
            throw Refusal.conflict("need.wrong-state", need.getState());
        }
        String householdId = request.householdId();
        if (householdId != null) {
            Household household = households.get(householdId);
            if (!household.isActive()) {
                throw Refusal.conflict("household.inactive", householdId);
            }
        } else {
            householdId = households.register(request.household()).household().getId();
        }
        String linked = householdId;
        decide(need, () -> need.approve(linked, CallerOffice.current().clientId(), request.reason(), clock.instant()));
        return outbox.save(need);
    }

    /** A need of the caller's area; outside it, the need is reported absent. */
    public Need get(String id) {
        Need need = mongo.findById(id, Need.class);
        if (need == null || !scope.covers(CallerOffice.current(), need.getUnitCode())) {
            throw Refusal.notFound("need", id);
        }
        return need;
    }

    private static void decide(Need need, Runnable decision) {
        decision.run(); // the need refuses a step its state does not allow
    }

}
