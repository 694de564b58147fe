package vn.ansinh.distribution.housing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.distribution.replica.OrganisationReplica;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.KeyedCreation;

/**
 * Houses approved, built and handed over by an office for households of its area. A household has at
 * most one house under way: a claim on the household ({@code house_claims}, id = household) is taken
 * before the house is stored and let go when it is handed over or cancelled, so two approvers approving
 * one family's house at once make one house. A claim left by a crash between the two writes names a house
 * that was never stored (and, after a minute, is taken over) or one no longer under way (taken over at once).
 */
@Service
public class Houses {

    private static final String CLAIMS = "house_claims";
    /** A claim whose house was never stored this long after is taken to be left by a crash. */
    private static final java.time.Duration ABANDONED_CLAIM = java.time.Duration.ofMinutes(1);
    /** Houses one list read returns at most: a province builds a few thousand a year. */
    private static final int MOST_LISTED = 20_000;

    private final MongoTemplate mongo;
    private final OutboxDocuments outbox;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;
    private final HouseholdReplica households;
    private final HouseTwinnings twinnings;
    private final Clock clock;

    Houses(MongoTemplate mongo, OutboxDocuments outbox, OfficeScope scope, AdminUnitDirectory units, HouseholdReplica households,
           HouseTwinnings twinnings, Clock clock) {
        this.twinnings = twinnings;
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

    /** Approves a house once per {@code requestKey} when there is one (the caller's Idempotency-Key). */
    House approve(HouseRequests.ApproveRequest request, String requestKey) {
        String office = scope.resolve(request.officeUnitCode());
        scope.requireCovers(office);
        String organisation = OrganisationReplica.ownerFor(mongo, scope, office, request.organisationCode());
        LocalDate today = today();
        LocalDate approvedOn = request.approvedOn() == null ? today : request.approvedOn();
        if (approvedOn.isAfter(today)) {
            throw Refusal.invalid("approvedOn", "in-the-future");
        }
        HouseholdReplica.Household household = households.find(request.householdId())
                .filter(found -> units.isWithin(found.unitCode(), office))
                // Another office's family is answered as an unknown one: its existence is not told.
                .orElseThrow(() -> Refusal.notFound("household", request.householdId()));
        if (!household.active()) {
            throw Refusal.unprocessable("household.inactive", household.id());
        }
        requireNoneUnderWayForMerged(household);
        String twinningId = blankAsNull(request.twinningId());
        if (twinningId != null) {
            twinnings.requireUsableFor(twinningId, household.unitCode());
        }
        String id = KeyedCreation.idFor("house", requestKey);
        House existing = mongo.findById(id, House.class);
        if (existing != null) {
            return existing;
        }
        claim(household.id(), id);
        House house = new House(id, office, organisation, household.id(), household.unitCode(), request.kind(),
                blankAsNull(request.programme()), blankAsNull(request.fundedBy()), twinningId, request.estimatedCost(), approvedOn, clock.instant());
        return KeyedCreation.createOnce(() -> mongo.findById(id, House.class), () -> outbox.insert(house));
    }

    /** Takes the household's claim for house {@code id}, or refuses while another house of the family is under way. */
    private void claim(String householdId, String houseId) {
        java.time.Instant now = clock.instant();
        try {
            mongo.insert(new org.bson.Document("_id", householdId).append("houseId", houseId).append("at", java.util.Date.from(now)), CLAIMS);
        } catch (DuplicateKeyException claimed) {
            org.bson.Document claim = mongo.findById(householdId, org.bson.Document.class, CLAIMS);
            String holder = claim == null ? null : claim.getString("houseId");
            if (houseId.equals(holder)) {
                return;
            }
            House other = holder == null ? null : mongo.findById(holder, House.class);
            // The other house is under way, or is being stored by another approver this very moment.
            boolean recent = claim != null && claim.getDate("at") != null
                    && claim.getDate("at").toInstant().isAfter(now.minus(ABANDONED_CLAIM));
            if (other != null ? other.inProgress() : recent) {
                throw Refusal.conflict("house.already-under-way", householdId, holder);
            }
            // Left by a crash, or the house was finished meanwhile: take it over, unless someone else just did.
            var taken = mongo.updateFirst(Query.query(Criteria.where("_id").is(householdId).and("houseId").is(holder)),
                    Update.update("houseId", houseId).set("at", java.util.Date.from(now)), CLAIMS);
            if (taken.getModifiedCount() == 0) {
                throw Refusal.conflict("house.already-under-way", householdId, holder);
            }
        }
    }

    /**
     * A family registered twice and merged: a house under way for the entry merged away is the family's, so
     * the kept entry gets no second one. (The merged entry itself can no longer be approved a house: it is
     * not active.)
     */
    private void requireNoneUnderWayForMerged(HouseholdReplica.Household household) {
        if (household.mergedFrom() == null || household.mergedFrom().isEmpty()) {
            return;
        }
        for (org.bson.Document claim : mongo.find(Query.query(Criteria.where("_id").in(household.mergedFrom())), org.bson.Document.class,
                CLAIMS)) {
            House other = mongo.findById(claim.getString("houseId"), House.class);
            if (other != null && other.inProgress()) {
                throw Refusal.conflict("house.already-under-way", household.id(), other.getId());
            }
        }
    }

    private void letGo(House house) {
        mongo.remove(Query.query(Criteria.where("_id").is(house.getHouseholdId()).and("houseId").is(house.getId())), CLAIMS);
    }

    House get(String id) {
        House house = mongo.findById(id, House.class);
        if (house == null || !scope.canRead(CallerOffice.current(), house.getOfficeUnitCode())) {
            throw Refusal.notFound("house", id);
        }
        return house;
    }

    private House changeable(String id) {
        House house = get(id);
        scope.requireCovers(house.getOfficeUnitCode());
        scope.requireActsFor(house.getOrganisationCode());
        return house;
    }

    House start(String id, HouseRequests.StartRequest request) {
        House house = changeable(id);
        return house.start(request.on(), today()) ? outbox.save(house) : house;
    }

    House handOver(String id, HouseRequests.HandOverRequest request) {
        House house = changeable(id);
        if (!house.handOver(request.on(), request.cost(), today())) {
            return house;
        }
        House saved = outbox.save(house);
        letGo(saved);
        return saved;
    }

    House cancel(String id, HouseRequests.CancelRequest request) {
        House house = changeable(id);
        if (!house.cancel(request.reason().strip(), today())) {
            return house;
        }
        House saved = outbox.save(house);
        letGo(saved);
        return saved;
    }

    /**
     * What the yearly count reads: the houses of an area handed over in {@code year} and those under way now —
     * all of them, however many (a list is capped, a count must not be).
     */
    List<House> countedIn(String area, int year) {
        Query query = Query.query(new Criteria().andOperator(scope.listArea("unitCode", area), new Criteria().orOperator(
                Criteria.where("stage").is(House.Stage.HANDED_OVER).and("handedOverOn")
                        .gte(LocalDate.of(year, 1, 1)).lte(LocalDate.of(year, 12, 31)),
                Criteria.where("stage").in(House.Stage.APPROVED, House.Stage.BUILDING))));
        query.fields().include("unitCode", "kind", "stage", "cost", "handedOverOn");
        return mongo.find(query, House.class);
    }

    /**
     * The houses of an area (default the caller's office) or of one household — with those of entries of the
     * same family merged into it — newest approval first.
     */
    List<House> list(String unit, String householdId, House.Stage stage, Integer handedOverIn) {
        List<Criteria> filters = new ArrayList<>(List.of(scope.listArea("unitCode", unit)));
        if (householdId != null) {
            filters.add(Criteria.where("householdId").in(households.familyOf(householdId)));
        }
        if (stage != null) {
            filters.add(Criteria.where("stage").is(stage));
        }
        if (handedOverIn != null) {
            filters.add(Criteria.where("handedOverOn").gte(LocalDate.of(handedOverIn, 1, 1)).lte(LocalDate.of(handedOverIn, 12, 31)));
        }
        return mongo.find(Query.query(new Criteria().andOperator(filters.toArray(Criteria[]::new)))
                .with(Sort.by(Sort.Direction.DESC, "approvedOn").and(Sort.by("_id"))).limit(MOST_LISTED), House.class);
    }

    /** The houses built or repaired under these twinnings and handed over, oldest first (the twinnings' reports count them). */
    public List<House> handedOverUnder(List<String> twinningIds) {
        return mongo.find(Query.query(Criteria.where("twinningId").in(twinningIds).and("stage").is(House.Stage.HANDED_OVER))
                .with(Sort.by("handedOverOn", "_id")).limit(MOST_LISTED), House.class);
    }

    /** The area the caller asked for, as the unit that carries the code today, or the caller's office. */
    String areaOf(String unit) {
        String area = scope.resolve(unit == null ? CallerOffice.current().officeCode() : unit);
        scope.requireCovers(area);
        return area;
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
