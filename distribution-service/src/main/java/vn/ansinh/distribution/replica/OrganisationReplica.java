package vn.ansinh.distribution.replica;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.OfficeScope;

/**
 * The organisations of each office as donation-service registered them ({@code organisation.registered}
 * on the funds topic, kept by {@link FundReplicaProjection}): a campaign may belong only to one its office has.
 */
public final class OrganisationReplica {

    static final String COLLECTION = "organisation_replica";

    private OrganisationReplica() {
    }

    public static boolean has(MongoTemplate mongo, String officeUnitCode, String organisationCode) {
        return mongo.exists(Query.query(Criteria.where("officeUnitCode").is(officeUnitCode).and("code").is(organisationCode)), COLLECTION);
    }

    /**
     * The organisation a new campaign, sponsorship, house or twinning of {@code officeUnitCode} belongs to:
     * the one asked for, always the caller's own for a person who acts for an organisation, null for the
     * office's own.
     *
     * @throws Refusal when the caller acts for another organisation, or the office has no such organisation
     */
    public static String ownerFor(MongoTemplate mongo, OfficeScope scope, String officeUnitCode, String requestedOrganisation) {
        String organisation = scope.organisationFor(requestedOrganisation);
        if (organisation != null && !has(mongo, officeUnitCode, organisation)) {
            throw Refusal.unprocessable("organisation.unknown", officeUnitCode, organisation);
        }
        return organisation;
    }
}
