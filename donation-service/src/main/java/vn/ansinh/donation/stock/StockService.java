package vn.ansinh.donation.stock;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.Totals;

/** Each office's stock of goods: the items it holds, with what is on hand, reserved and available. */
@Service
public class StockService {

    private final MongoTemplate mongo;
    private final Ledger ledger;

    StockService(MongoTemplate mongo, Ledger ledger) {
        this.mongo = mongo;
        this.ledger = ledger;
    }

    /** The stock of the item held by the office (or one of its organisations), created empty the first time the item arrives. */
    public StockItem itemOf(String officeUnitCode, String organisationCode, String item, String unit) {
        String id = StockItem.idOf(officeUnitCode, organisationCode, item, unit);
        StockItem existing = mongo.findById(id, StockItem.class);
        if (existing != null) {
            return existing;
        }
        try {
            return mongo.insert(new StockItem(officeUnitCode, organisationCode, item, unit));
        } catch (DuplicateKeyException createdMeanwhile) {
            return mongo.findById(id, StockItem.class);
        }
    }

    public record Line(StockItem item, Totals totals) {
    }

    /**
     * The office's stock, its organisations' with it; with {@code organisationCode} one organisation's
     * ({@code OFFICE}: the office's own store).
     */
    public List<Line> of(String officeUnitCode, String organisationCode) {
        Criteria criteria = Criteria.where("officeUnitCode").is(officeUnitCode);
        if (organisationCode != null) {
            criteria = criteria.and("organisationCode").is("OFFICE".equals(organisationCode) ? null : organisationCode);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("item", "unit", "organisationCode")),
                StockItem.class).stream().map(item -> new Line(item, ledger.totals(item.account()))).toList();
    }
}
