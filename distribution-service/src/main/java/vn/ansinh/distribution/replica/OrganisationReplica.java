package vn.ansinh.distribution.replica;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

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
}
