package vn.ansinh.distribution.replica;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * distribution-service's copy of the households it needs: the one class that knows the collection and
 * its fields. {@link HouseholdReplicaProjection} writes it from the registry's events; campaigns,
 * deliveries and progress read it through the questions below.
 */
@Component("replicatedHouseholds") // "householdReplica" is the name of the consumer function that feeds it
public class HouseholdReplica {

    static final String COLLECTION = "household_replica";
    static final String UNIT = "unitCode";
    static final String CATEGORIES = "categories";
    static final String POVERTY_STATUS = "povertyStatus";
    static final String MEMBERS = "memberCount";
    static final String REGISTERED_AT = "registeredAt";
    static final String ACTIVE = "active";
    static final String MERGED_INTO = "mergedInto";
    static final String MERGED_FROM = "mergedFrom";
    /** Each member's kinds, in order (no one's name): what a campaign paying per person of a kind counts. */
    static final String MEMBER_KINDS = "memberKinds";

    /**
     * A household as distribution knows it: where it lives, whether it stands, the family it was merged
     * with, and what a campaign's benefit depends on (categories, members, each member's kinds).
     */
    public record Household(String id, String unitCode, boolean active, String mergedInto, List<String> mergedFrom,
                            List<String> categories, int memberCount, List<List<String>> memberKinds) {
    }

    private final MongoTemplate mongo;

    HouseholdReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The indexes the questions below need: list generation by unit, merged families. */
    @jakarta.annotation.PostConstruct
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on(UNIT, org.springframework.data.domain.Sort.Direction.ASC).named("unit"));
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on(MERGED_INTO, org.springframework.data.domain.Sort.Direction.ASC).sparse().named("merged_into"));
    }

    /**
     * A household and the entries of the same family merged into it: what "this household's" houses and
     * pledges mean, since one made to a duplicate before the merge is the family's.
     */
    public List<String> familyOf(String householdId) {
        List<String> family = new java.util.ArrayList<>(List.of(householdId));
        find(householdId).ifPresent(household -> {
            if (household.mergedFrom() != null) {
                family.addAll(household.mergedFrom());
            }
        });
        return family;
    }

    public Optional<Household> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(HouseholdReplica::householdOf);
    }

    public List<Household> findAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(HouseholdReplica::householdOf).toList();
    }

    /**
     * Standing households of the area with one of the categories, one of the poverty statuses, or one of
     * the ids (households with an approved need); with no criterion at all, every standing household.
     */
    public List<Household> eligible(Set<String> area, List<String> categories, List<String> povertyStatuses, List<String> ids) {
        List<Criteria> any = new ArrayList<>();
        if (!categories.isEmpty()) {
            any.add(Criteria.where(CATEGORIES).in(categories));
        }
        if (!povertyStatuses.isEmpty()) {
            any.add(Criteria.where(POVERTY_STATUS).in(povertyStatuses));
        }
        if (ids != null) {
            any.add(Criteria.where("_id").in(ids));
        }
        Criteria criteria = Criteria.where(UNIT).in(area).and(ACTIVE).ne(false);
        if (!any.isEmpty()) {
            criteria = criteria.orOperator(any.toArray(Criteria[]::new));
        }
        Query query = Query.query(criteria);
        query.fields().include("_id", UNIT, CATEGORIES, MEMBERS, MEMBER_KINDS);
        return mongo.find(query, Document.class, COLLECTION).stream().map(HouseholdReplica::householdOf).toList();
    }

    /** Every household merged into another, with the one it was merged into. */
    public Map<String, String> mergedInto() {
        Map<String, String> merged = new HashMap<>();
        Query query = Query.query(Criteria.where(MERGED_INTO).exists(true));
        query.fields().include("_id", MERGED_INTO);
        mongo.find(query, Document.class, COLLECTION).forEach(household -> merged.put(household.getString("_id"),
                household.getString(MERGED_INTO)));
        return merged;
    }

    private static Household householdOf(Document document) {
        List<List<String>> memberKinds = new ArrayList<>();
        for (Object kinds : document.getList(MEMBER_KINDS, Object.class, List.of())) {
            memberKinds.add(kinds instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of());
        }
        Number members = document.get(MEMBERS, Number.class);
        return new Household(document.getString("_id"), document.getString(UNIT), !Boolean.FALSE.equals(document.getBoolean(ACTIVE)),
                document.getString(MERGED_INTO), document.getList(MERGED_FROM, String.class, List.of()),
                document.getList(CATEGORIES, String.class, List.of()), members == null ? 1 : members.intValue(), memberKinds);
    }
}
