package vn.ansinh.reporting.figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds up the read-model figures of the units attributed to one row of a report. */
final class Tally {

    /** Goods of one item: quantity in thousandths and value in VND. */
    static final class Goods {
        final String item;
        final String unit;
        long thousandths;
        long value;

        Goods(String item, String unit) {
            this.item = item;
            this.unit = unit;
        }
    }

    final Map<String, Long> byStatus = new TreeMap<>();
    long ethnicMinorityPoor;
    final Map<String, Long> byCategory = new TreeMap<>();
    final Map<String, Long> needsByState = new TreeMap<>();
    /** Feedback by kind, then by state. */
    final Map<String, Map<String, Long>> feedback = new TreeMap<>();
    long feedbackOverdue;
    long cashReceived;
    long cashDonations;
    long inKindDonations;
    final Map<String, Goods> inKind = new TreeMap<>();
    long approved;
    long delivered;
    long cashDelivered;
    final Map<String, Goods> goodsDelivered = new TreeMap<>();

    void add(Tally other) {
        other.byStatus.forEach((key, n) -> byStatus.merge(key, n, Long::sum));
        ethnicMinorityPoor += other.ethnicMinorityPoor;
        other.byCategory.forEach((key, n) -> byCategory.merge(key, n, Long::sum));
        other.needsByState.forEach((key, n) -> needsByState.merge(key, n, Long::sum));
        other.feedback.forEach((kind, byState) -> byState.forEach((state, n) -> addFeedback(kind, state, n)));
        feedbackOverdue += other.feedbackOverdue;
        cashReceived += other.cashReceived;
        cashDonations += other.cashDonations;
        inKindDonations += other.inKindDonations;
        other.inKind.forEach((key, goods) -> addGoods(inKind, key, goods.item, goods.unit, goods.thousandths, goods.value));
        approved += other.approved;
        delivered += other.delivered;
        cashDelivered += other.cashDelivered;
        other.goodsDelivered.forEach((key, goods) ->
                addGoods(goodsDelivered, key, goods.item, goods.unit, goods.thousandths, goods.value));
    }

    static void addGoods(Map<String, Goods> lines, String key, String item, String unit, long thousandths, long value) {
        Goods line = lines.computeIfAbsent(key, k -> new Goods(item, unit));
        line.thousandths += thousandths;
        line.value += value;
    }

    /**
     * @param prices     received goods whose average estimate values delivered goods (usually the whole area's)
     * @param statistics the unit's statistics for {@code year}, what its rates are divided by
     */
    UnitFigures figures(String code, String name, String level, Tally prices, int year, YearStatistics statistics) {
        long households = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long poor = byStatus.getOrDefault("POOR", 0L);
        long nearPoor = byStatus.getOrDefault("NEAR_POOR", 0L);
        long open = needsByState.getOrDefault("SUBMITTED", 0L) + needsByState.getOrDefault("VERIFIED", 0L);
        BigDecimal poorRate = Percent.rate(poor, statistics.totalHouseholds());
        BigDecimal nearPoorRate = Percent.rate(nearPoor, statistics.totalHouseholds());
        BigDecimal ethnicMinorityPoorRate = Percent.rate(ethnicMinorityPoor, statistics.ethnicMinorityHouseholds());
        return new UnitFigures(code, name, level, households, poor, nearPoor, Percent.rate(poor + nearPoor, statistics.totalHouseholds()),
                Map.copyOf(byCategory), Map.copyOf(byStatus), open, needsByState.getOrDefault("APPROVED", 0L),
                cashReceived, cashDonations, inKindDonations, inKind.values().stream().mapToLong(g -> g.value).sum(),
                lines(inKind, Map.of()), approved, delivered, Percent.of(delivered, approved), cashDelivered,
                lines(goodsDelivered, prices.inKind), year, statistics.totalHouseholds(), statistics.ethnicMinorityHouseholds(),
                statistics.missing(), poorRate, nearPoorRate, ethnicMinorityPoor, ethnicMinorityPoorRate,
                byStatus.getOrDefault("RECENTLY_ESCAPED", 0L), PovertyTargets.of(statistics, poorRate, nearPoorRate, ethnicMinorityPoorRate),
                copyOf(feedback), feedback.values().stream().flatMap(byState -> byState.entrySet().stream())
                        .filter(state -> !"CLOSED".equals(state.getKey())).mapToLong(Map.Entry::getValue).sum(), feedbackOverdue);
    }

    void addFeedback(String kind, String state, long n) {
        feedback.computeIfAbsent(kind, k -> new TreeMap<>()).merge(state, n, Long::sum);
    }

    private static Map<String, Map<String, Long>> copyOf(Map<String, Map<String, Long>> byKind) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        byKind.forEach((kind, byState) -> copy.put(kind, Map.copyOf(byState)));
        return copy;
    }

    /** Delivered goods are valued at the average estimate of the same item received (where any was). */
    private static List<GoodsLine> lines(Map<String, Goods> lines, Map<String, Goods> pricedBy) {
        return lines.entrySet().stream().map(entry -> {
            Goods goods = entry.getValue();
            Goods received = pricedBy.get(entry.getKey());
            long value = received == null ? goods.value : received.thousandths == 0 ? 0
                    : Math.round((double) received.value * goods.thousandths / received.thousandths);
            return new GoodsLine(goods.item, goods.unit, BigDecimal.valueOf(goods.thousandths, 3).stripTrailingZeros(), value);
        }).toList();
    }
}
