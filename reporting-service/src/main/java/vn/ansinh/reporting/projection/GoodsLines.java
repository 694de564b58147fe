package vn.ansinh.reporting.projection;

import org.bson.Document;

import vn.ansinh.platform.text.VietnameseNames;

/**
 * A line of goods inside a donation or a delivery document, keyed like donation-service's stock
 * items: "Gạo", "gạo " and "Gao" in kg are one item.
 */
public final class GoodsLines {

    public static final String KEY = "key";
    public static final String ITEM = "item";
    public static final String UNIT = "unit";
    public static final String QUANTITY_THOUSANDTHS = "quantityThousandths";
    public static final String VALUE = "value";

    private GoodsLines() {
    }

    static Document line(String item, String unit, long quantityThousandths, long value) {
        String key = VietnameseNames.searchKey(item == null ? "" : item) + "|" + VietnameseNames.searchKey(unit == null ? "" : unit);
        return new Document(KEY, key).append(ITEM, item == null ? "" : item.strip()).append(UNIT, unit)
                .append(QUANTITY_THOUSANDTHS, quantityThousandths).append(VALUE, value);
    }
}
