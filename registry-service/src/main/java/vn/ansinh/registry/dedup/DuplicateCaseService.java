package vn.ansinh.registry.dedup;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/** Lists duplicate cases of an area and carries out an officer's decision on one. */
@Service
class DuplicateCaseService {

    public enum Decision {
        MERGE, NOT_DUPLICATE
    }

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final DuplicateHouseholds households;
    private final Clock clock;
    private final OutboxDocuments outbox;

    DuplicateCaseService(MongoTemplate mongo, OfficeScope scope, DuplicateHouseholds households,
                         Clock clock, OutboxDocuments outbox) {
        this.outbox = outbox;
        this.mongo = mongo;
        this.scope = scope;
        this.households = households;
        this.clock = clock;
    }

    public record CasePage(List<DuplicateCase> content, long totalElements) {
    }

    /** Cases with at least one household in the area (default: the caller's office). */
    public CasePage list(String unitCode, CaseState state, int page, int size) {
        Criteria criteria = scope.listArea("unitCodes", unitCode);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, DuplicateCase.class);
        List<DuplicateCase> content = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "score").and(Sort.by("_id")))
                .skip((long) page * size).limit(size), DuplicateCase.class);
        return new CasePage(content, total);
    }

    /** A case with at least one household in the caller's area. */
    public DuplicateCase get(String caseId) {
        DuplicateCase found = mongo.findById(caseId, DuplicateCase.class);
        CallerOffice caller = CallerOffice.current();
        if (found == null || found.getUnitCodes().stream().noneMatch(unit -> scope.canRead(caller, unit))) {
            throw Refusal.notFound("duplicate case", caseId);
        }
        return found;
    }

    /**
     * MERGE ends one household as a duplicate of the other (by default the later registered goes into
     * the earlier); NOT_DUPLICATE closes the case so the pair is never raised again. Both households
     * must lie in the caller's area.
     */
    public DuplicateCase resolve(String caseId, Decision decision, String keepHouseholdId) {
        DuplicateCase found = mongo.findById(caseId, DuplicateCase.class);
        CallerOffice caller = CallerOffice.current();
        if (found == null || found.getUnitCodes().stream().noneMatch(unit -> scope.covers(caller, unit))) {
            throw Refusal.notFound("duplicate case", caseId);
        }
        found.getUnitCodes().stream().filter(unit -> !scope.covers(caller, unit)).findFirst().ifPresent(unit -> {
            throw Refusal.outOfScope(unit);
        });
        found.requireOpen(); // before a merge, which changes the households
        String kept = null;
        if (decision == Decision.MERGE) {
            kept = merge(found, keepHouseholdId);
        }
        found.resolve(decision == Decision.MERGE ? CaseState.MERGED : CaseState.NOT_DUPLICATE, kept, caller.clientId(),
                clock.instant());
        try {
            DuplicateCase decided = mongo.save(found); // the decision and its audit record, one write
            outbox.handOver(decided);
            return decided;
        } catch (OptimisticLockingFailureException decidedMeanwhile) {
            throw Refusal.conflict("duplicate-case.resolved", caseId);
        }
    }

    private String merge(DuplicateCase duplicate, String keepHouseholdId) {
        List<String> pair = duplicate.getHouseholdIds();
        if (keepHouseholdId != null && !pair.contains(keepHouseholdId)) {
            throw Refusal.unprocessable("duplicate-case.keep-not-in-case", keepHouseholdId);
        }
        DuplicateHouseholds.Side first = households.side(pair.get(0));
        DuplicateHouseholds.Side second = households.side(pair.get(1));
        DuplicateHouseholds.Side keep = keepHouseholdId != null ? (keepHouseholdId.equals(first.id()) ? first : second)
                : (first.registeredAt().isAfter(second.registeredAt()) ? second : first);
        DuplicateHouseholds.Side end = keep == first ? second : first;
        if (keep.id().equals(end.mergedInto())) {
            return keep.id(); // merged before a crash kept the case from being closed
        }
        households.merge(end.id(), keep.id());
        return keep.id();
    }
}
