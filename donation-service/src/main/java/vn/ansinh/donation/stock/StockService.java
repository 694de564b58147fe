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

    /** The office's stock of the item, created empty the first time the item arrives. */
    public StockItem itemOf(String officeUnitCode, String item, String unit) {
        StockItem existing = mongo.findById(StockItem.idOf(officeUnitCode, item, unit), StockItem.class);
        if (existing != null) {
            return existing;
        }
        try {
            return mongo.insert(new StockItem(officeUnitCode, item, unit));
        } catch (DuplicateKeyException createdMeanwhile) {
            return mongo.findById(StockItem.idOf(officeUnitCode, item, unit), StockItem.class);
        }
    }

    public record Line(StockItem item, Totals totals) {
    }

    public List<Line> of(String officeUnitCode) {
        return mongo.find(Query.query(Criteria.where("officeUnitCode").is(officeUnitCode)).with(Sort.by("item", "unit")),
                StockItem.class).stream().map(item -> new Line(item, ledger.totals(item.account()))).toList();
    }
}
