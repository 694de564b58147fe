package vn.ansinh.registry.household;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.OutboxRelay;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.FieldError;
import vn.ansinh.registry.identity.CitizenId;
import vn.ansinh.registry.adminunit.AdminUnitService;

/** Registers households: checks the unit and the caller's area, then saves the household and its event in one write. */
@Service
public class HouseholdService {

    private final HouseholdRepository repository;
    private final AdminUnitService units;
    private final OfficeScope scope;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;

    public HouseholdService(HouseholdRepository repository, AdminUnitService units, OfficeScope scope,
                            EventFactory events, OutboxRelay relay, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.scope = scope;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public Household register(RegisterHouseholdRequest request) {
        String unitCode = request.address().unitCode();
        if (units.find(unitCode).isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-unit", unitCode);
        }
        scope.requireCovers(unitCode);
        List<FieldError> citizenIdProblems = new ArrayList<>();
        for (int i = 0; i < request.members().size(); i++) {
            RegisterHouseholdRequest.MemberInput member = request.members().get(i);
            if (member.citizenId() != null) {
                int index = i;
                CitizenId.problemWith(member.citizenId(), member.gender(), member.dateOfBirth()).ifPresent(problem ->
                        citizenIdProblems.add(new FieldError("members[" + index + "].citizenId", problem)));
            }
        }
        if (!citizenIdProblems.isEmpty()) {
            throw ApiException.invalid(citizenIdProblems);
        }
        List<Member> members = request.members().stream()
                .map(m -> new Member(m.fullName(), m.dateOfBirth(), m.gender(), m.citizenId(), m.relation())).toList();
        Household household = new Household(UUID.randomUUID().toString(), request.headName(), members,
                new Address(unitCode, request.address().hamlet(), request.address().street()), request.phone(),
                request.categories() == null ? List.of() : request.categories().stream().distinct().toList(),
                request.povertyStatus() == null ? PovertyStatus.NONE : request.povertyStatus(), clock.instant());
        household.recordEvent(events.create(Topics.HOUSEHOLDS, EventTypes.HOUSEHOLD_REGISTERED, household.getId(),
                household.nextVersion(), new HouseholdRegistered(household.getId(), unitCode,
                        household.getCategories().stream().map(Enum::name).toList(), household.getPovertyStatus().name(),
                        members.size(), household.getRegisteredAt())));
        Household saved = repository.save(household);
        relay.saved("households", saved.getId(), saved.pendingEvents());
        return saved;
    }

    public Household get(String id) {
        Household household = repository.findById(id).orElseThrow(() -> ApiException.notFound("household", id));
        // Outside the caller's area a household is reported as absent, not forbidden: its existence is personal data too.
        if (!scope.covers(CallerOffice.current(), household.getUnitCode())) {
            throw ApiException.notFound("household", id);
        }
        return household;
    }
}
