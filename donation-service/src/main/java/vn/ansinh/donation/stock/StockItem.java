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
    /** The office's organisation that holds this stock; {@code null} for the office's own store. */
    private String organisationCode;
    private Totals totals = Totals.EMPTY;

    protected StockItem() {
    }

    StockItem(String officeUnitCode, String organisationCode, String item, String unit) {
        this.id = idOf(officeUnitCode, organisationCode, item, unit);
        this.officeUnitCode = officeUnitCode;
        this.organisationCode = organisationCode;
        this.item = item.strip();
        this.unit = unit.strip();
    }

    /** The office's own rice is one stock, the Women's Union's rice in the same ward another: each gives its own. */
    public static String idOf(String officeUnitCode, String organisationCode, String item, String unit) {
        String ofTheOffice = officeUnitCode + "|" + VietnameseNames.searchKey(item) + "|" + VietnameseNames.searchKey(unit);
        return organisationCode == null ? ofTheOffice : ofTheOffice + "|" + organisationCode;
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

    public String getOrganisationCode() {
        return organisationCode;
    }

    public Totals getTotals() {
        return totals == null ? Totals.EMPTY : totals;
    }
}
