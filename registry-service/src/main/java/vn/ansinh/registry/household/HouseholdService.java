package vn.ansinh.registry.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.audit.AuditTrail;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.registry.dedup.Comparison;
import vn.ansinh.registry.dedup.DuplicateDetection;
import vn.ansinh.registry.dedup.DuplicateCase;
import vn.ansinh.registry.dedup.DuplicateFinder;
import vn.ansinh.registry.dedup.MatchScorer;
import vn.ansinh.registry.identity.CitizenId;
import vn.ansinh.platform.text.VietnameseNames;
import vn.ansinh.registry.adminunit.AdminUnitService;

/** Registers households: checks the unit and the caller's area, then saves the household and its event in one write. */
@Service
public class HouseholdService {

    private final HouseholdRepository repository;
    private final AdminUnitService units;
    private final OfficeScope scope;
    private final OutboxDocuments outbox;
    private final Clock clock;
    private final MongoTemplate mongo;
    private final DuplicateDetection duplicates;
    private final AuditTrail audit;

    public HouseholdService(HouseholdRepository repository, AdminUnitService units, OfficeScope scope,
                            OutboxDocuments outbox, Clock clock, MongoTemplate mongo, DuplicateDetection duplicates,
                            AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.units = units;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
        this.mongo = mongo;
        this.duplicates = duplicates;
    }

    /** A registered household and the households across all offices that might be the same one. */
    public record Registration(Household household, List<DuplicateFinder.Candidate> duplicateCandidates) {

        /** The case opened for a candidate (one scored at or above the case threshold), or null. */
        public String caseIdOf(DuplicateFinder.Candidate candidate) {
            return candidate.match().score() >= MatchScorer.CASE_THRESHOLD
                    ? DuplicateCase.idOf(household.getId(), candidate.otherHouseholdId()) : null;
        }

        /** The candidates, most likely first. */
        public List<DuplicateFinder.Candidate> byLikelihood() {
            return duplicateCandidates.stream().sorted((a, b) -> Double.compare(b.match().score(), a.match().score())).toList();
        }
    }

    public Registration register(RegisterHouseholdRequest request) {
        String unitCode = checked(request);
        return registerNew(newHousehold(UUID.randomUUID().toString(), request, unitCode));
    }

    /**
     * Registers once per {@code requestKey} (the caller's Idempotency-Key, see
     * {@code IdempotencyKeyFilter.requestKeyOf}): the household's id comes from it, so a retry after the
     * instance that saved the household died before answering finds that household instead of
     * registering the family a second time.
     */
    public Registration register(RegisterHouseholdRequest request, String requestKey) {
        String unitCode = checked(request);
        String id = vn.ansinh.platform.web.KeyedCreation.idFor("household", requestKey);
        return repository.findById(id)
                .map(saved -> new Registration(saved, List.of())) // its duplicate cases were opened the first time
                .orElseGet(() -> registerNew(newHousehold(id, request, unitCode)));
    }

    /** The unit the household is registered in, once the request is in the caller's area and its citizen IDs fit. */
    private String checked(RegisterHouseholdRequest request) {
        String unitCode = units.requireValidToday(request.address().unitCode()).getCode();
        scope.requireCovers(unitCode);
        requireValidCitizenIds(request.members());
        return unitCode;
    }

    private Registration registerNew(Household household) {
        return new Registration(household, saveNew(List.of(household)).get(household.getId()));
    }

    /**
     * The households on the registry, in any office, that might be the one described: checked as a
     * registration would be, and nothing is stored. An officer sees them before saving.
     */
    public List<DuplicateFinder.Candidate> duplicatesOf(RegisterHouseholdRequest request) {
        String unitCode = checked(request);
        Household unsaved = newHousehold(UUID.randomUUID().toString(), request, unitCode);
        return duplicates.findWithoutFiling(unsaved.profile()).stream()
                .sorted((a, b) -> Double.compare(b.match().score(), a.match().score())).toList();
    }

    /**
     * A household ready to be saved with its registration event, from a request already checked
     * (fields, unit valid today, caller's area, citizen IDs).
     */
    public Household newHousehold(String id, RegisterHouseholdRequest request, String unitCode) {
        Household household = new Household(id, request.headName(), toMembers(request.members()),
                new Address(unitCode, request.address().hamlet(), request.address().street()), request.phone(),
                request.categories() == null ? List.of() : request.categories().stream().distinct().toList(),
                request.povertyStatus() == null ? PovertyStatus.NONE : request.povertyStatus(), clock.instant());
        return household; // it raised its own registration
    }

    /**
     * Saves new households in one write, after filing them for duplicate detection, and opens the
     * duplicate cases they raise.
     *
     * @return the duplicate candidates of each household, by household id
     */
    public Map<String, List<DuplicateFinder.Candidate>> saveNew(List<Household> households) {
        List<DuplicateFinder.Candidate> candidates = duplicates.fileAndFind(households.stream().map(Household::profile).toList());
        outbox.prepareAll(households);
        List<Household> saved = repository.insert(households);
        outbox.handOverAll(saved);
        duplicates.openCases(candidates, saved.stream().collect(Collectors.toMap(Household::getId, Household::getUnitCode)));
        Map<String, List<DuplicateFinder.Candidate>> byHousehold = new HashMap<>();
        saved.forEach(household -> byHousehold.put(household.getId(), new ArrayList<>()));
        candidates.forEach(candidate -> byHousehold.get(candidate.householdId()).add(candidate));
        return byHousehold;
    }

    /** Each citizen ID must fit its member's gender, century and year of birth. */
    public static void requireValidCitizenIds(List<RegisterHouseholdRequest.MemberInput> members) {
        List<Refusal.Field> problems = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            RegisterHouseholdRequest.MemberInput member = members.get(i);
            if (member.citizenId() != null) {
                int index = i;
                CitizenId.problemWith(member.citizenId(), member.gender(), member.dateOfBirth()).ifPresent(problem ->
                        problems.add(new Refusal.Field("members[" + index + "].citizenId", problem)));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
    }

    /**
     * Ends a duplicate household by merging it into the one that is kept; other services re-point
     * their references when they see the event.
     */
    public Household mergeDuplicate(String id, String keptId) {
        // The kept household takes in the other's people first: a crash before the second write is
        // retried, and taking the same household in again changes nothing.
        Household kept = get(keptId);
        Household duplicate = get(id);
        List<int[]> samePeople = Comparison.of(kept.profile(), duplicate.profile()).matchedMembers();
        kept.absorb(duplicate, samePeople, CallerOffice.current().clientId(), clock.instant());
        duplicates.refile(outbox.save(kept).profile());
        duplicate.mergeInto(keptId, kept.getUnitCode(), LocalDate.now(clock));
        Household merged = outbox.save(duplicate);
        duplicates.forget(merged.profile());
        return merged;
    }

    /** Households of a unit and the units below it, optionally of one category and matching a name. */
    public HouseholdPage search(String unitCode, Category category, String name, List<String> ids, boolean includeInactive,
                                int page, int size) {
        Criteria criteria = scope.listArea("unitCode", unitCode);
        if (ids != null && !ids.isEmpty()) {
            criteria = criteria.and("_id").in(ids);
        }
        if (!includeInactive) {
            criteria = criteria.and("deactivationReason").is(null);
        }
        if (category != null) {
            criteria = criteria.and("categories").is(category);
        }
        if (name != null && !name.isBlank()) {
            // Contained in any member's search key: "bay" finds "Nguyễn Thị Bảy", "nguyen thi" finds all Nguyễn Thị.
            criteria = criteria.and("nameKeys").regex(Pattern.quote(VietnameseNames.searchKey(name)));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Household.class);
        List<Household> content = mongo.find(query.with(Sort.by(Sort.Direction.ASC, "registeredAt", "_id"))
                .skip((long) page * size).limit(size), Household.class);
        if (!content.isEmpty()) {
            // A page of households shows names, citizen IDs and phones: who listed whom is recorded.
            audit.read("households.listed", "household", null, unitCode == null ? CallerOffice.current().officeCode() : unitCode,
                    content.size() + " households (page " + page + (name == null ? "" : ", name search")
                            + (ids == null || ids.isEmpty() ? "" : ", by id") + ")");
        }
        return new HouseholdPage(content, total);
    }

    public record HouseholdPage(List<Household> content, long totalElements) {
    }

    public Household changePovertyStatus(String id, ChangePovertyStatusRequest request) {
        return change(id, household -> household.changePovertyStatus(request.status(), request.effectiveFrom(), request.reason(),
                CallerOffice.current().clientId(), clock.instant()));
    }

    public Household update(String id, UpdateHouseholdRequest request) {
        if (request.members() != null) {
            requireValidCitizenIds(request.members());
        }
        Household updated = change(id, household -> household.update(request.headName(),
                request.members() == null ? null : toMembers(request.members()), request.phone(), request.categories(),
                request.hamlet(), request.street()));
        duplicates.refile(updated.profile());
        return updated;
    }

    private static List<Member> toMembers(List<RegisterHouseholdRequest.MemberInput> inputs) {
        return inputs.stream().map(m -> new Member(m.fullName(), m.dateOfBirth(), m.gender(), m.citizenId(), m.relation(), m.kinds()))
                .toList();
    }

    /** Moves a household of the caller's area to any existing unit; it then belongs to that unit's area. */
    public Household move(String id, MoveHouseholdRequest request) {
        String to = units.requireValidOn(request.unitCode(), request.effectiveFrom()).getCode();
        Household moved = change(id, household -> household.moveTo(new Address(to, request.hamlet(), request.street()),
                request.effectiveFrom(), request.reason(), CallerOffice.current().clientId(), clock.instant()));
        duplicates.refile(moved.profile());
        return moved;
    }

    public Household deactivate(String id, DeactivateHouseholdRequest request) {
        return change(id, household -> household.deactivate(request.reason(), request.effectiveFrom()));
    }

    /** Loads a household of the caller's area, applies one change, saves it with its event in one write. */
    private Household change(String id, java.util.function.Consumer<Household> mutation) {
        Household household = get(id);
        mutation.accept(household); // the household refuses what its rules do not allow, and raises what happened
        Household saved = outbox.save(household);
        duplicates.changed(saved.getId()); // an ended household is no one's block-mate from now on
        return saved;
    }


    /** A household's details for the caller, who is recorded as having read them (names, citizen IDs, phone). */
    public Household read(String id) {
        Household household = get(id);
        audit.read("household.read", "household", id, household.getUnitCode(), null);
        return household;
    }

    public Household get(String id) {
        Household household = repository.findById(id).orElseThrow(() -> Refusal.notFound("household", id));
        // Outside the caller's area a household is reported as absent, not forbidden: its existence is personal data too.
        if (!scope.covers(CallerOffice.current(), household.getUnitCode())) {
            throw Refusal.notFound("household", id);
        }
        return household;
    }
}
