package vn.ansinh.registry.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.audit.AuditTrail;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.registry.adminunit.AdminUnitService;
import vn.ansinh.registry.household.HouseholdService;
import vn.ansinh.registry.need.TrackingCodes;

/**
 * Residents' feedback and what the office of its unit does with it. Feedback outside the caller's area
 * does not exist for them; reading one records who read the resident's words and phone.
 */
@Service
class FeedbackService {

    private final MongoTemplate mongo;
    private final AdminUnitService units;
    private final OfficeScope scope;
    private final HouseholdService households;
    private final OutboxDocuments outbox;
    private final AuditTrail audit;
    private final FeedbackDeadlines deadlines;
    private final Clock clock;

    FeedbackService(MongoTemplate mongo, AdminUnitService units, OfficeScope scope, HouseholdService households,
                    OutboxDocuments outbox, AuditTrail audit, FeedbackDeadlines deadlines, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.scope = scope;
        this.households = households;
        this.outbox = outbox;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    Feedback submit(FeedbackRequests.Submit request) {
        String unitCode = units.requireValidToday(request.unitCode()).getCode();
        Instant now = clock.instant();
        Feedback feedback = new Feedback(UUID.randomUUID().toString(), TrackingCodes.next(), request.kind(), unitCode,
                blankToNull(request.hamlet()), request.message().strip(), blankToNull(request.phone()), now,
                now.plus(deadlines.of(request.kind())));
        return outbox.insert(feedback);
    }

    Feedback byTrackingCode(String trackingCode) {
        Feedback feedback = mongo.findOne(Query.query(Criteria.where("trackingCode").is(trackingCode)), Feedback.class);
        if (feedback == null) {
            throw Refusal.notFound("feedback", trackingCode);
        }
        return feedback;
    }

    record FeedbackPage(List<Feedback> content, long totalElements) {
    }

    /** @param overdue true: only feedback past its deadline without an answer; false: only feedback that is not */
    FeedbackPage list(String unit, FeedbackState state, FeedbackKind kind, Boolean overdue, int page, int size) {
        Criteria criteria = scope.listArea("unitCode", unit);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (overdue != null) {
            Instant now = clock.instant();
            Criteria late = overdue
                    ? new Criteria().andOperator(Criteria.where("state").in(FeedbackState.RECEIVED, FeedbackState.ASSIGNED),
                            Criteria.where("deadline").lt(now))
                    : new Criteria().orOperator(Criteria.where("state").in(FeedbackState.ANSWERED, FeedbackState.CLOSED),
                            Criteria.where("deadline").gte(now));
            criteria = new Criteria().andOperator(criteria, late);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Feedback.class);
        List<Feedback> content = mongo.find(query.with(Sort.by("deadline", "_id")).skip((long) page * size).limit(size),
                Feedback.class);
        return new FeedbackPage(content, total);
    }

    /** One piece of feedback of the caller's area; the read of the resident's words and phone is recorded. */
    Feedback read(String id) {
        Feedback feedback = get(id);
        audit.read("feedback.read", "feedback", id, feedback.getUnitCode(), null);
        return feedback;
    }

    Feedback assign(String id, FeedbackRequests.Assign request) {
        Feedback feedback = get(id);
        feedback.assign(request.assignee(), CallerOffice.current().clientId(), clock.instant());
        return outbox.save(feedback);
    }

    /** Links to a household of the caller's area (checked here) or to a campaign or delivery (kept as given). */
    Feedback link(String id, FeedbackRequests.Link request) {
        Feedback feedback = get(id);
        if (request.householdId() != null) {
            households.get(request.householdId());
        }
        feedback.link(request.householdId(), request.campaignId(), request.deliveryId(), CallerOffice.current().clientId(),
                clock.instant());
        return outbox.save(feedback);
    }

    Feedback answer(String id, FeedbackRequests.Answer request) {
        Feedback feedback = get(id);
        feedback.answer(request.answer().strip(), CallerOffice.current().clientId(), clock.instant());
        return outbox.save(feedback);
    }

    Feedback close(String id, FeedbackRequests.Close request) {
        Feedback feedback = get(id);
        feedback.close(request == null ? null : blankToNull(request.note()), CallerOffice.current().clientId(), clock.instant());
        return outbox.save(feedback);
    }

    Instant now() {
        return clock.instant();
    }

    private Feedback get(String id) {
        Feedback feedback = mongo.findById(id, Feedback.class);
        if (feedback == null || !scope.covers(CallerOffice.current(), feedback.getUnitCode())) {
            throw Refusal.notFound("feedback", id);
        }
        return feedback;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
