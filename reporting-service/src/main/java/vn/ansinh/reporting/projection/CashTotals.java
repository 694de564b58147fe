package vn.ansinh.reporting.projection;

import java.util.List;

import org.bson.Document;

/**
 * Running cash totals by office: one document per office unit and topic partition, with the amount
 * and number of donations counted and the highest offset counted. A crisis puts hundreds of
 * thousands of donations into the donations read model, and adding them all up again for every
 * dashboard update costs more than the updates are worth; these few documents hold the same sums.
 *
 * <p>Counting stays exact under every redelivery: a donation is counted only the first time its
 * own document is written (so an event published twice counts once), and only at an offset past
 * the one the total has counted up to (so a donation whose total was written just before a crash,
 * and its own document not, is not counted again when it comes back). The total is written before
 * the donation's document for that reason.
 */
public final class CashTotals {

    public static final String COLLECTION = "cash_totals";
    public static final String UNIT_CODE = "unitCode";
    public static final String AMOUNT = "amount";
    public static final String DONATIONS = "donations";
    /** The highest offset of the partition this total has counted. */
    public static final String COUNTED_UP_TO = "countedUpTo";

    static final List<String> INDEXED = List.of(UNIT_CODE);

    private CashTotals() {
    }

    /**
     * Adds a donation seen for the first time to its office's total of the partition it was read from.
     *
     * @return false when the total has already counted this offset
     */
    static boolean count(ReadModelStore store, String unitCode, long amount, EventPosition at) {
        String id = unitCode + "@" + at.topic() + "-" + at.partition();
        Document total = store.find(COLLECTION, id);
        if (total != null && total.get(COUNTED_UP_TO) instanceof Number upTo && upTo.longValue() >= at.offset()) {
            return false;
        }
        Document updated = total == null ? new Document("_id", id).append(UNIT_CODE, unitCode) : total;
        updated.put(AMOUNT, longOf(updated, AMOUNT) + amount);
        updated.put(DONATIONS, longOf(updated, DONATIONS) + 1);
        updated.put(COUNTED_UP_TO, at.offset());
        store.put(COLLECTION, updated);
        return true;
    }

    private static long longOf(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0;
    }
}
