package vn.ansinh.distribution.campaign;

import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.security.OfficeScope;

/** The campaigns an office works from, as a paged list. */
@Service
class CampaignQueries {

    private final MongoTemplate mongo;
    private final AdminUnitDirectory units;
    private final OfficeScope scope;

    CampaignQueries(MongoTemplate mongo, AdminUnitDirectory units, OfficeScope scope) {
        this.mongo = mongo;
        this.units = units;
        this.scope = scope;
    }

    /**
     * Campaigns an office runs or takes part in: run by an office of the unit's area, or with a target in
     * it (a commune sees its district's campaigns for it); default the caller's office; newest first.
     */
    public vn.ansinh.platform.web.PageResponse<Campaign> campaigns(String unitCode, CampaignState state, int page, int size) {
        String unit = unitCode == null ? vn.ansinh.platform.security.CallerOffice.current().officeCode() : unitCode;
        scope.requireCovers(unit);
        Criteria criteria = state == null ? new Criteria() : Criteria.where("state").is(state);
        if (!AdminUnitDirectory.NATIONAL.equals(unit)) {
            Set<String> area = units.selfAndDescendants(unit);
            Criteria inArea = new Criteria().orOperator(Criteria.where("officeUnitCode").in(area), Criteria.where("targetUnitCodes").in(area));
            criteria = criteria.getCriteriaObject().isEmpty() ? inArea : new Criteria().andOperator(criteria, inArea);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Campaign.class);
        List<Campaign> found = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .skip((long) page * size).limit(size), Campaign.class);
        return vn.ansinh.platform.web.PageResponse.of(found, total, page, size, c -> c);
    }

}
