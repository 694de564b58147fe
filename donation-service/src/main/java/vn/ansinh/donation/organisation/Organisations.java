package vn.ansinh.donation.organisation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/** The organisations of each office, and who may own what among them. */
@Service
public class Organisations {

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final OutboxDocuments outbox;
    private final Clock clock;

    Organisations(MongoTemplate mongo, OfficeScope scope, OutboxDocuments outbox, Clock clock) {
        this.mongo = mongo;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Registers an organisation of an office. Only a person of the office itself does: the Women's Union
     * does not register the Youth Union. Registering the same code with the same name again (a retry)
     * answers the one already there; another name under a taken code is refused.
     */
    Organisation register(RegisterOrganisationRequest request) {
        String office = scope.resolve(request.officeUnitCode());
        scope.requireCovers(office);
        scope.requireActsFor(null);
        String name = request.name().strip();
        Organisation existing = mongo.findById(Organisation.idOf(office, request.code()), Organisation.class);
        if (existing != null) {
            return sameRegistration(existing, name);
        }
        try {
            return outbox.insert(new Organisation(office, request.code(), name, clock.instant()));
        } catch (DuplicateKeyException raced) {
            return sameRegistration(mongo.findById(Organisation.idOf(office, request.code()), Organisation.class), name);
        }
    }

    private static Organisation sameRegistration(Organisation existing, String name) {
        if (!existing.getName().equals(name)) {
            throw Refusal.conflict("organisation.code-taken", existing.getOfficeUnitCode(), existing.getCode());
        }
        return existing;
    }

    /** The organisations of an office the caller may read, by code. */
    public List<Organisation> ofOffice(String officeUnitCode) {
        String office = scope.resolve(officeUnitCode == null ? CallerOffice.current().officeCode() : officeUnitCode);
        scope.requireCanRead(office);
        return mongo.find(Query.query(Criteria.where("officeUnitCode").is(office)).with(Sort.by("code")), Organisation.class);
    }

    /** Names by code of an office's organisations (public pages show names, not codes). */
    public Map<String, String> namesOf(String officeUnitCode) {
        Map<String, String> names = new LinkedHashMap<>();
        mongo.find(Query.query(Criteria.where("officeUnitCode").is(officeUnitCode)).with(Sort.by("code")), Organisation.class)
                .forEach(organisation -> names.put(organisation.getCode(), organisation.getName()));
        return names;
    }

    /**
     * The organisation a new fund, gift or stock of {@code officeUnitCode} belongs to: the one asked for,
     * always the caller's own for a person who acts for an organisation, {@code null} for the office's own.
     *
     * @throws Refusal when the caller acts for another organisation, or the office has no such organisation
     */
    public String ownerFor(String officeUnitCode, String requestedOrganisation) {
        String organisation = scope.organisationFor(requestedOrganisation);
        if (organisation != null && !mongo.exists(Query.query(Criteria.where("_id").is(Organisation.idOf(officeUnitCode, organisation))),
                Organisation.class)) {
            throw Refusal.unprocessable("organisation.unknown", officeUnitCode, organisation);
        }
        return organisation;
    }
}
