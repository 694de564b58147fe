package vn.ansinh.registry.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.registry.UnitStatisticsRecorded;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A unit's figures for one year: how many households the whole unit has (and of them ethnic-minority
 * households) from the yearly statistics, which the registry cannot know because it holds only households
 * in difficulty; and the poverty-rate targets the office set for the year's end. Rates are only ever
 * divided by these, so a unit without them has no rate rather than a wrong one.
 */
@Document("unit_statistics")
public class UnitStatistics extends OutboxDocument implements Audited {

    /** More households than the whole country has (about 27 million) is a typing error, not a statistic. */
    static final long MAX_HOUSEHOLDS = 50_000_000L;

    @Id
    private String id;
    @Indexed
    private String unitCode;
    private int year;
    private Long totalHouseholds;
    private Long ethnicMinorityHouseholds;
    private BigDecimal poorRateTarget;
    private BigDecimal nearPoorRateTarget;
    private BigDecimal ethnicMinorityPoorRateTarget;
    private String statisticsEnteredBy;
    private Instant statisticsEnteredAt;
    private String targetsSetBy;
    private Instant targetsSetAt;

    protected UnitStatistics() {
    }

    UnitStatistics(String unitCode, int year) {
        this.id = idOf(unitCode, year);
        this.unitCode = unitCode;
        this.year = year;
    }

    static String idOf(String unitCode, int year) {
        return unitCode + ":" + year;
    }

    @Override
    public String auditType() {
        return "unit-statistics";
    }

    @Override
    public String auditUnit() {
        return unitCode;
    }

    /**
     * @return false when the figures are the ones already entered (nothing is recorded again)
     * @throws Refusal when the ethnic-minority households outnumber all households
     */
    boolean recordStatistics(long total, Long ethnicMinority, String by, Instant at) {
        if (ethnicMinority != null && ethnicMinority > total) {
            throw Refusal.invalid("ethnicMinorityHouseholds", "statistics.ethnic-minority-above-total");
        }
        if (Objects.equals(totalHouseholds, total) && Objects.equals(ethnicMinorityHouseholds, ethnicMinority)) {
            return false;
        }
        totalHouseholds = total;
        ethnicMinorityHouseholds = ethnicMinority;
        statisticsEnteredBy = by;
        statisticsEnteredAt = at;
        auditAs("unit-statistics.recorded");
        raiseRecorded();
        return true;
    }

    /** @return false when the targets are the ones already set */
    boolean setTargets(BigDecimal poorRate, BigDecimal nearPoorRate, BigDecimal ethnicMinorityPoorRate, String by, Instant at) {
        if (same(poorRateTarget, poorRate) && same(nearPoorRateTarget, nearPoorRate)
                && same(ethnicMinorityPoorRateTarget, ethnicMinorityPoorRate)) {
            return false;
        }
        poorRateTarget = poorRate;
        nearPoorRateTarget = nearPoorRate;
        ethnicMinorityPoorRateTarget = ethnicMinorityPoorRate;
        targetsSetBy = by;
        targetsSetAt = at;
        auditAs("unit-statistics.targets-set");
        raiseRecorded();
        return true;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Every event carries the whole state: compaction keeps only the latest per unit and year. */
    private void raiseRecorded() {
        raise(Events.UNIT_STATISTICS_RECORDED, new UnitStatisticsRecorded(unitCode, year, totalHouseholds, ethnicMinorityHouseholds,
                poorRateTarget, nearPoorRateTarget, ethnicMinorityPoorRateTarget));
    }

    public String getId() {
        return id;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public int getYear() {
        return year;
    }

    public Long getTotalHouseholds() {
        return totalHouseholds;
    }

    public Long getEthnicMinorityHouseholds() {
        return ethnicMinorityHouseholds;
    }

    public BigDecimal getPoorRateTarget() {
        return poorRateTarget;
    }

    public BigDecimal getNearPoorRateTarget() {
        return nearPoorRateTarget;
    }

    public BigDecimal getEthnicMinorityPoorRateTarget() {
        return ethnicMinorityPoorRateTarget;
    }

    public String getStatisticsEnteredBy() {
        return statisticsEnteredBy;
    }

    public Instant getStatisticsEnteredAt() {
        return statisticsEnteredAt;
    }

    public String getTargetsSetBy() {
        return targetsSetBy;
    }

    public Instant getTargetsSetAt() {
        return targetsSetAt;
    }
}
