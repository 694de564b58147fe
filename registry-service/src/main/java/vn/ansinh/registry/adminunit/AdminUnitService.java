package vn.ansinh.registry.adminunit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.events.Events;
import vn.ansinh.events.registry.AdminUnitRecorded;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.OutboxDocuments;

/**
 * Keeps the official unit lists and the reorganisations between them. Each new or changed unit is
 * saved with its event in one write. Units are never deleted: households keep pointing at the unit
 * they were registered in, and the merge links carry them into the units that replaced it.
 */
@Service
public class AdminUnitService {

    private final AdminUnitRepository repository;
    private final OfficialUnitListParser parser;
    private final MergeMappingParser mergeParser;
    private final EventFactory events;
    private final OutboxDocuments outbox;
    private final Clock clock;
    private final MongoTemplate mongo;
    private final UnitsByCode unitsByCode;

    public AdminUnitService(AdminUnitRepository repository, tools.jackson.databind.json.JsonMapper jsonMapper,
                            EventFactory events, OutboxDocuments outbox, Clock clock, MongoTemplate mongo) {
        this.repository = repository;
        this.parser = new OfficialUnitListParser(jsonMapper);
        this.mergeParser = new MergeMappingParser(jsonMapper);
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.mongo = mongo;
        this.unitsByCode = new UnitsByCode(repository, System::nanoTime);
    }

    public record ImportResult(int read, int created, int updated, int unchanged) {
    }

    /**
     * @param read          entries in the mapping
     * @param unitsClosed   old units that now end the day before the reorganisation and point to their successor
     * @param unknownOld    old codes the registry does not have (import the older list first)
     * @param unknownNew    new codes the registry does not have (import the newer list first)
     */
    public record MergeResult(int read, int unitsClosed, List<String> unknownOld, List<String> unknownNew) {
    }

    public ImportResult importUnitList(InputStream json) throws IOException {
        List<AdminUnit> incoming = parser.parse(json);
        Map<String, AdminUnit> existing = existingCandidates(incoming);
        Map<String, String> keyOfCode = new HashMap<>();
        for (AdminUnit unit : incoming) {
            keyOfCode.put(unit.getGsoCode(), keyFor(unit, existing));
        }
        List<AdminUnit> toSave = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (AdminUnit unit : incoming) {
            unit.assignKeys(keyOfCode.get(unit.getGsoCode()),
                    unit.getParentCode() == null ? null : keyOfCode.getOrDefault(unit.getParentCode(), unit.getParentCode()));
            AdminUnit stored = existing.get(unit.getCode());
            if (stored == null) {
                created++;
                toSave.add(withEvent(unit));
            } else if (stored.differsFrom(unit)) {
                updated++;
                stored.takeValuesOf(unit);
                toSave.add(withEvent(stored));
            }
        }
        saveAndPublish(toSave);
        return new ImportResult(incoming.size(), created, updated, incoming.size() - created - updated);
    }

    /** Stored units an incoming unit could be: under its plain code, or under its code and list date. */
    private Map<String, AdminUnit> existingCandidates(List<AdminUnit> incoming) {
        List<String> ids = new ArrayList<>();
        incoming.forEach(unit -> {
            ids.add(unit.getGsoCode());
            ids.add(unit.getGsoCode() + "@" + unit.eraLabel());
        });
        return repository.findAllById(ids).stream().collect(Collectors.toMap(AdminUnit::getCode, Function.identity()));
    }

    /** The plain code, unless a unit of another list already holds it: then the code and this list's date. */
    private static String keyFor(AdminUnit unit, Map<String, AdminUnit> existing) {
        String plain = unit.getGsoCode();
        String dated = plain + "@" + unit.eraLabel();
        if (existing.containsKey(dated)) {
            return dated;
        }
        AdminUnit holder = existing.get(plain);
        boolean sameList = holder == null || java.util.Objects.equals(holder.getValidFrom(), unit.getValidFrom());
        return sameList ? plain : dated;
    }

    /**
     * Applies a reorganisation: each old unit ends the day before {@code effectiveFrom} and points to
     * the new unit that took it over, so its households are found and counted there from now on.
     */
    public MergeResult importMergeMapping(InputStream json, LocalDate effectiveFrom) throws IOException {
        List<MergeMappingParser.Merge> merges = mergeParser.parse(json);
        LocalDate lastDayBefore = effectiveFrom.minusDays(1);
        Map<String, List<AdminUnit>> byGsoCode = repository.findAll().stream()
                .collect(Collectors.groupingBy(AdminUnit::getGsoCode));
        Map<String, AdminUnit> changed = new LinkedHashMap<>();
        List<String> unknownOld = new ArrayList<>();
        List<String> unknownNew = new ArrayList<>();
        // Whole merges first, so that a unit taken over wholly by one unit and partly by others counts in the first.
        List<MergeMappingParser.Merge> ordered = merges.stream()
                .sorted((a, b) -> Boolean.compare(b.whole(), a.whole())).toList();
        for (MergeMappingParser.Merge merge : ordered) {
            Optional<AdminUnit> successor = validOn(byGsoCode, merge.newCode(), effectiveFrom);
            Optional<AdminUnit> old = validOn(byGsoCode, merge.oldCode(), lastDayBefore)
                    .filter(unit -> unit.getValidFrom() == null || unit.getValidFrom().isBefore(effectiveFrom));
            if (successor.isEmpty()) {
                unknownNew.add(merge.newCode());
            } else if (old.isEmpty()) {
                unknownOld.add(merge.oldCode());
            } else if (!old.get().getCode().equals(successor.get().getCode())
                    && old.get().mergeInto(successor.get().getCode(), merge.whole(), lastDayBefore)) {
                changed.put(old.get().getCode(), old.get());
            }
        }
        saveAndPublish(changed.values().stream().map(this::withEvent).toList());
        return new MergeResult(merges.size(), changed.size(), unknownOld.stream().distinct().toList(),
                unknownNew.stream().distinct().toList());
    }

    private static Optional<AdminUnit> validOn(Map<String, List<AdminUnit>> byGsoCode, String gsoCode, LocalDate date) {
        return newestValidOn(byGsoCode.getOrDefault(gsoCode, List.of()), date);
    }

    /**
     * Of the units that carry one code, the one in force on {@code date}; when an old list was never
     * closed, the newer list's unit wins (its own start date says it replaced the old one).
     */
    private static Optional<AdminUnit> newestValidOn(List<AdminUnit> sameCode, LocalDate date) {
        return sameCode.stream().filter(unit -> unit.isValidOn(date))
                .max(Comparator.comparing(AdminUnit::getValidFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * Writes the units in one unordered batch filtered by {@code _id} alone (a filter on the version too
     * makes the embedded wire server scan the collection for each of thousands of units), then hands
     * their events to the relay. Unit lists change only through an administrator's import, so the
     * optimistic lock has nothing to guard here; the version still advances with each event.
     */
    private void saveAndPublish(List<AdminUnit> toSave) {
        if (toSave.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AdminUnit.class);
        for (AdminUnit unit : toSave) {
            Document stored = new Document();
            mongo.getConverter().write(unit, stored);
            stored.put("version", unit.nextVersion());
            bulk.replaceOne(Query.query(Criteria.where("_id").is(unit.getCode())), stored,
                    FindAndReplaceOptions.options().upsert());
        }
        try {
            bulk.execute();
        } finally {
            unitsByCode.forgetAll();
        }
        outbox.handOverAll(toSave);
    }

    private AdminUnit withEvent(AdminUnit unit) {
        unit.recordEvent(events.create(Events.ADMIN_UNIT_RECORDED, unit.getCode(), unit.nextVersion(),
                new AdminUnitRecorded(unit.getCode(), unit.getName(), unit.getLevel().name(), unit.getParentCode(),
                        unit.getValidFrom(), unit.getValidTo(), unit.getGsoCode(), unit.getMergedInto())));
        return unit;
    }

    public Optional<AdminUnit> find(String code) {
        return repository.findById(code);
    }

    /**
     * The unit a household can be placed in on {@code date}: the unit with that key, or, for a plain GSO
     * code, the unit that carries the code on that date. A unit that has been merged away is refused with
     * the name of the unit that replaced it, so the officer knows what to choose.
     */
    public AdminUnit requireValidOn(String codeOrKey, LocalDate date) {
        UnitsByCode.Candidates meant = unitsByCode.of(codeOrKey);
        Optional<AdminUnit> byKey = Optional.ofNullable(meant.byKey());
        Optional<AdminUnit> valid = newestValidOn(meant.all(), date);
        if (valid.isPresent()) {
            return valid.get();
        }
        if (byKey.isEmpty()) {
            throw Refusal.unprocessable("unknown-unit", codeOrKey);
        }
        AdminUnit unit = byKey.get();
        if (unit.getMergedInto() != null) {
            String successorName = repository.findById(unit.getMergedInto()).map(AdminUnit::getName).orElse("");
            throw Refusal.unprocessable("unit-merged", unit.getName(), unit.getValidTo(),
                    successorName, unit.getMergedInto());
        }
        throw Refusal.unprocessable("unit-not-valid", unit.getName(), date);
    }

    public AdminUnit requireValidToday(String codeOrKey) {
        return requireValidOn(codeOrKey, LocalDate.now(clock));
    }

    /**
     * The unit a code in a request means on {@code date}: a key with a date means itself; a plain official
     * code means the unit that carries it on that date, whichever list was imported first (30325 is Phường
     * Núi Sam until 30/06/2025 and Phường Vĩnh Tế from 01/07/2025). A code no unit carries on that date
     * means the last unit that carried it (a commune merged away in 2025: its end date and successor say so).
     */
    public Optional<AdminUnit> resolve(String codeOrKey, LocalDate date) {
        UnitsByCode.Candidates meant = unitsByCode.of(codeOrKey);
        if (codeOrKey.contains("@")) {
            return Optional.ofNullable(meant.byKey());
        }
        List<AdminUnit> candidates = meant.all();
        return newestValidOn(candidates, date).or(() -> candidates.stream().max(Comparator.comparing(
                (AdminUnit unit) -> unit.getValidTo() == null ? LocalDate.MAX : unit.getValidTo())));
    }

    /** The units directly below the unit {@code parent} means on {@code date}, as they stood on that date. */
    public List<AdminUnit> childrenOn(String parent, LocalDate date) {
        return resolve(parent, date).map(unit -> repository.findByParentCodeOrderByCode(unit.getCode()).stream()
                .filter(child -> child.isValidOn(date)).toList()).orElse(List.of());
    }

    public boolean isEmpty() {
        return repository.count() == 0;
    }
}
