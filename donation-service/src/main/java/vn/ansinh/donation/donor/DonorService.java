package vn.ansinh.donation.donor;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.audit.AuditTrail;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.web.KeyedCreation;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

@Service
public class DonorService {

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final Clock clock;
    private final OutboxDocuments store;
    private final AuditTrail audit;

    DonorService(MongoTemplate mongo, OfficeScope scope, Clock clock, OutboxDocuments store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
        this.mongo = mongo;
        this.scope = scope;
        this.clock = clock;
    }

    public Donor register(RegisterDonorRequest request) {
        return register(request, null);
    }

    /** Records the donor once per {@code requestKey} when there is one (the caller's Idempotency-Key): see {@link KeyedCreation}. */
    public Donor register(RegisterDonorRequest request, String requestKey) {
        String id = KeyedCreation.idFor("donor", requestKey);
        CallerOffice caller = CallerOffice.current();
        // Without a stated choice, people appear by initials and everyone else by name.
        PublicDisplay display = request.display() != null ? request.display()
                : request.kind() == DonorKind.ANONYMOUS ? PublicDisplay.ANONYMOUS
                : request.kind() == DonorKind.INDIVIDUAL ? PublicDisplay.INITIALS : PublicDisplay.FULL_NAME;
        String name = request.kind() == DonorKind.ANONYMOUS && (request.name() == null || request.name().isBlank())
                ? PublicDisplay.ANONYMOUS_NAME : request.name().strip();
        Donor donor = new Donor(id, name, request.kind(), display, request.phone(), request.taxCode(), caller.officeCode(),
                clock.instant());
        return requestKey == null ? store.insert(donor)
                : KeyedCreation.createOnce(() -> mongo.findById(id, Donor.class), () -> store.insert(donor));
    }

    /** A donor any office may credit a donation to (a company gives in several districts); details only to its own office. */
    public Donor require(String id) {
        Donor donor = mongo.findById(id, Donor.class);
        if (donor == null) {
            throw Refusal.notFound("donor", id);
        }
        return donor;
    }

    public Donor get(String id) {
        Donor donor = require(id);
        if (!scope.canRead(CallerOffice.current(), donor.getOfficeUnitCode())) {
            throw Refusal.notFound("donor", id);
        }
        audit.read("donor.read", "donor", id, donor.getOfficeUnitCode(), null); // name, phone, tax code
        return donor;
    }

    /** A page of donors held by offices of the caller's area, whose name contains {@code q} (marks and case ignored). */
    public org.springframework.data.domain.Page<Donor> search(String q, int page, int size) {
        Criteria criteria = scope.listArea("officeUnitCode", null);
        if (q != null && !q.isBlank()) {
            Criteria name = Criteria.where("searchName")
                    .regex(java.util.regex.Pattern.quote(vn.ansinh.platform.text.VietnameseNames.searchKey(q)));
            criteria = criteria.getCriteriaObject().isEmpty() ? name : new Criteria().andOperator(criteria, name);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Donor.class);
        List<Donor> donors = mongo.find(query.with(org.springframework.data.domain.Sort.by("searchName", "_id"))
                .skip((long) page * size).limit(size), Donor.class);
        if (!donors.isEmpty()) {
            audit.read("donors.listed", "donor", null, CallerOffice.current().officeCode(), donors.size() + " donors (page " + page + ")");
        }
        return new org.springframework.data.domain.PageImpl<>(donors, org.springframework.data.domain.PageRequest.of(page, size), total);
    }

    public Map<String, Donor> byIds(Collection<String> ids) {
        Map<String, Donor> donors = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Donor.class).forEach(d -> donors.put(d.getId(), d));
        return donors;
    }
}
