package vn.ansinh.donation.ledger;

/**
 * Something a ledger keeps totals for: a fund (amounts in VND) or an office's stock of one item
 * (quantities in thousandths of the item's unit, so 1.5 kg is 1500). Both obey the same rules:
 * what is left = received − spent, what can be promised = left − reserved, and neither goes below zero.
 *
 * @param item for stock: the item and its unit, e.g. "Gạo" and "kg"
 */
public record Account(AccountType type, String id, String officeUnitCode, String name, String item, String unit) {

    public enum AccountType {
        FUND("funds"), STOCK("stock_items");

        final String collection;

        AccountType(String collection) {
            this.collection = collection;
        }
    }

    public static Account fund(String id, String officeUnitCode, String name) {
        return new Account(AccountType.FUND, id, officeUnitCode, name, null, null);
    }

    public static Account stock(String id, String officeUnitCode, String item, String unit) {
        return new Account(AccountType.STOCK, id, officeUnitCode, item + " (" + unit + ")", item, unit);
    }
}
