package vn.ansinh.registry.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.csv.CsvReader;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.registry.adminunit.AdminUnit;
import vn.ansinh.registry.adminunit.AdminUnitService;

/**
 * Enters units' yearly statistics and targets: an office for its own unit and any unit of its area (a
 * province for its districts), one by one or as a CSV file. A file is taken whole or not at all: a
 * statistic half-imported would give half a province rates and the other half none.
 */
@Service
public class UnitStatisticsService {

    static final int MAX_ROWS = 20_000;
    static final List<String> HEADER = List.of("unit_code", "year", "total_households", "ethnic_minority_households");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int FIRST_YEAR = 2000;

    /** What an import did: rows read, unit-years new to the registry, changed, and already as in the file. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "UnitStatisticsImport")
    public record ImportOutcome(int read, int created, int updated, int unchanged) {
    }

    private final MongoTemplate mongo;
    private final OutboxDocuments documents;
    private final AdminUnitService units;
    private final OfficeScope scope;
    private final Clock clock;

    UnitStatisticsService(MongoTemplate mongo, OutboxDocuments documents, AdminUnitService units, OfficeScope scope, Clock clock) {
        this.mongo = mongo;
        this.documents = documents;
        this.units = units;
        this.scope = scope;
        this.clock = clock;
    }

    public UnitStatisticsView recordStatistics(String code, int year, StatisticsRequests.Statistics request) {
        requireYear(year, today().getYear() + 1, "statistics.year");
        AdminUnit unit = unitInArea(code, year);
        CallerOffice caller = CallerOffice.current();
        UnitStatistics saved = change(unit.getCode(), year, statistics -> statistics.recordStatistics(request.totalHouseholds(),
                request.ethnicMinorityHouseholds(), caller.clientId(), clock.instant()));
        return UnitStatisticsView.of(saved, unit.getName());
    }

    public UnitStatisticsView setTargets(String code, int year, StatisticsRequests.Targets request) {
        requireYear(year, today().getYear() + 10, "statistics.target-year");
        AdminUnit unit = unitInArea(code, year);
        CallerOffice caller = CallerOffice.current();
        UnitStatistics saved = change(unit.getCode(), year, statistics -> statistics.setTargets(request.poorRatePercent(),
                request.nearPoorRatePercent(), request.ethnicMinorityPoorRatePercent(), caller.clientId(), clock.instant()));
        return UnitStatisticsView.of(saved, unit.getName());
    }

    /** @throws Refusal not-found when nothing was entered for the unit that year */
    public UnitStatisticsView get(String code, int year) {
        AdminUnit unit = unitReadable(code, year);
        UnitStatistics statistics = mongo.findById(UnitStatistics.idOf(unit.getCode(), year), UnitStatistics.class);
        if (statistics == null) {
            throw Refusal.notFound("unit statistics", unit.getCode() + " " + year);
        }
        return UnitStatisticsView.of(statistics, unit.getName());
    }

    /** The unit and each unit directly below it, with their figures for the year or marked missing: what is left to enter. */
    public List<UnitStatisticsView> ofUnitAndChildren(String code, int year) {
        AdminUnit unit = unitReadable(code, year);
        List<AdminUnit> listed = new ArrayList<>();
        listed.add(unit);
        listed.addAll(units.childrenOn(unit.getCode(), asOf(year)));
        Map<String, UnitStatistics> entered = new HashMap<>();
        List<String> ids = listed.stream().map(u -> UnitStatistics.idOf(u.getCode(), year)).toList();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), UnitStatistics.class).forEach(s -> entered.put(s.getUnitCode(), s));
        return listed.stream().map(u -> entered.containsKey(u.getCode()) ? UnitStatisticsView.of(entered.get(u.getCode()), u.getName())
                : UnitStatisticsView.missing(u.getCode(), u.getName(), year)).toList();
    }

    /**
     * Imports {@code unit_code,year,total_households,ethnic_minority_households} rows. Every row is checked
     * before any is stored; any wrong row refuses the whole file, each wrong field named by its row.
     */
    public ImportOutcome importCsv(InputStream csv) throws IOException {
        List<Row> rows = read(csv);
        Map<String, UnitStatistics> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(rows.stream().map(row -> UnitStatistics.idOf(row.unit, row.year)).toList())),
                UnitStatistics.class).forEach(s -> stored.put(s.getId(), s));
        CallerOffice caller = CallerOffice.current();
        int created = 0;
        int updated = 0;
        for (Row row : rows) {
            UnitStatistics existing = stored.get(UnitStatistics.idOf(row.unit, row.year));
            boolean isNew = existing == null || existing.getTotalHouseholds() == null;
            UnitStatistics statistics = existing == null ? new UnitStatistics(row.unit, row.year) : existing;
            if (statistics.recordStatistics(row.total, row.ethnicMinority, caller.clientId(), clock.instant())) {
                store(statistics, existing == null);
                if (isNew) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        return new ImportOutcome(rows.size(), created, updated, rows.size() - created - updated);
    }

    private record Row(String unit, int year, long total, Long ethnicMinority) {
    }

    private List<Row> read(InputStream csv) throws IOException {
        List<Refusal.Field> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int maxYear = today().getYear() + 1;
        try (CsvReader reader = new CsvReader(csv)) {
            List<String> header = reader.next();
            if (header == null || !HEADER.equals(header.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList())) {
                throw Refusal.invalid("file", "statistics.header");
            }
            int number = 0;
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                number++;
                if (number > MAX_ROWS) {
                    throw Refusal.invalid("file", "statistics.rows");
                }
                String at = "rows[" + number + "].";
                int before = problems.size();
                String code = cell(record, 0);
                Long yearRead = whole(cell(record, 1), FIRST_YEAR, maxYear, at + "year", "statistics.year", problems);
                Integer year = yearRead == null ? null : yearRead.intValue();
                Long total = whole(cell(record, 2), 1, UnitStatistics.MAX_HOUSEHOLDS, at + "total_households",
                        "statistics.households", problems);
                String emText = cell(record, 3);
                Long ethnicMinority = emText.isEmpty() ? null : whole(emText, 0, UnitStatistics.MAX_HOUSEHOLDS,
                        at + "ethnic_minority_households", "statistics.ethnic-minority-households", problems);
                AdminUnit unit = null;
                if (!code.matches(vn.ansinh.platform.adminunit.UnitKeys.KEY)) {
                    problems.add(new Refusal.Field(at + "unit_code", "statistics.unknown-unit"));
                } else if (year != null) {
                    unit = units.resolve(code, asOf(year)).orElse(null);
                    if (unit == null) {
                        problems.add(new Refusal.Field(at + "unit_code", "statistics.unknown-unit"));
                    } else if (!scope.covers(CallerOffice.current(), unit.getCode())) {
                        problems.add(new Refusal.Field(at + "unit_code", "statistics.out-of-scope"));
                    } else if (!seen.add(UnitStatistics.idOf(unit.getCode(), year))) {
                        problems.add(new Refusal.Field(at + "unit_code", "statistics.repeated"));
                    }
                }
                if (total != null && ethnicMinority != null && ethnicMinority > total) {
                    problems.add(new Refusal.Field(at + "ethnic_minority_households", "statistics.ethnic-minority-above-total"));
                }
                if (problems.size() == before) {
                    rows.add(new Row(unit.getCode(), year, total, ethnicMinority));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems.size() > 100 ? problems.subList(0, 100) : problems);
        }
        if (rows.isEmpty()) {
            throw Refusal.invalid("file", "statistics.rows");
        }
        return rows;
    }

    private static String cell(List<String> record, int index) {
        return index < record.size() && record.get(index) != null ? record.get(index).strip() : "";
    }

    /** A whole number as offices type it in a spreadsheet: thousands grouped with dots, commas or spaces are read too. */
    private static Long whole(String text, long min, long max, String field, String problem, List<Refusal.Field> problems) {
        String digits = text.replace(".", "").replace(",", "").replace(" ", "");
        try {
            long value = Long.parseLong(digits);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // reported below
        }
        problems.add(new Refusal.Field(field, problem));
        return null;
    }

    /** Loads the unit-year (or starts it), applies the change, stores it if it changed; a racing first entry is applied again. */
    private UnitStatistics change(String unitCode, int year, Function<UnitStatistics, Boolean> change) {
        for (int attempt = 0; ; attempt++) {
            UnitStatistics existing = mongo.findById(UnitStatistics.idOf(unitCode, year), UnitStatistics.class);
            UnitStatistics statistics = existing == null ? new UnitStatistics(unitCode, year) : existing;
            if (!change.apply(statistics)) {
                return statistics;
            }
            try {
                return store(statistics, existing == null);
            } catch (DuplicateKeyException enteredMeanwhile) {
                if (attempt > 0) {
                    throw Refusal.conflict(OutboxDocuments.CHANGED_MEANWHILE, UnitStatistics.idOf(unitCode, year));
                }
            }
        }
    }

    private UnitStatistics store(UnitStatistics statistics, boolean isNew) {
        return isNew ? documents.insert(statistics) : documents.save(statistics);
    }

    private AdminUnit unitInArea(String code, int year) {
        AdminUnit unit = units.resolve(code, asOf(year)).orElseThrow(() -> Refusal.unprocessable("unknown-unit", code));
        scope.requireCovers(unit.getCode());
        return unit;
    }

    private AdminUnit unitReadable(String code, int year) {
        AdminUnit unit = units.resolve(code, asOf(year)).orElseThrow(() -> Refusal.notFound("admin unit", code));
        scope.requireCanRead(unit.getCode());
        return unit;
    }

    private static void requireYear(int year, int last, String problem) {
        if (year < FIRST_YEAR || year > last) {
            throw Refusal.invalid("year", problem);
        }
    }

    /** A year's statistics are about the units as they stood at its end (or today, for this year). */
    private LocalDate asOf(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = today();
        return end.isAfter(today) ? today : end;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

}
