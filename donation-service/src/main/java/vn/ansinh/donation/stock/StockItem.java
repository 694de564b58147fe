package vn.ansinh.donation.stock;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.donation.ledger.Account;
import vn.ansinh.donation.ledger.Totals;
import vn.ansinh.platform.text.VietnameseNames;

/**
 * An office's stock of one item in one unit ("Gạo", kg). "Gạo", "gạo " and "Gao" are the same item;
 * rice in kg and rice in bags are not. Totals move only through the ledger.
 */
@Document("stock_items")
public class StockItem {

    @Id
    private String id;
    private String officeUnitCode;
    private String item;
    private String unit;
    private Totals totals = Totals.EMPTY;

    protected StockItem() {
    }

    StockItem(String officeUnitCode, String item, String unit) {
        this.id = idOf(officeUnitCode, item, unit);
        this.officeUnitCode = officeUnitCode;
        this.item = item.strip();
        this.unit = unit.strip();
    }

    public static String idOf(String officeUnitCode, String item, String unit) {
        return officeUnitCode + "|" + VietnameseNames.searchKey(item) + "|" + VietnameseNames.searchKey(unit);
    }

    public Account account() {
        return Account.stock(id, officeUnitCode, item, unit);
    }

    public String getId() {
        return id;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getItem() {
        return item;
    }

    public String getUnit() {
        return unit;
    }

    public Totals getTotals() {
        return totals == null ? Totals.EMPTY : totals;
    }
}
