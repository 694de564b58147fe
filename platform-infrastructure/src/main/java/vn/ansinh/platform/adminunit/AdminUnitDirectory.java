package vn.ansinh.platform.adminunit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.ansinh.events.registry.AdminUnitRecorded;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.VersionedProjection;

/**
 * This service's replica of the administrative-unit tree, fed by the registry's compacted
 * {@code registry.admin-units} topic. Used to answer "is unit X inside office Y's area" for scope
 * checks without calling the registry. Kept in MongoDB (so one consumer group serves all instances
 * of a service) and cached in memory, refreshed after every local change and at least every minute.
 */
public class AdminUnitDirectory {

    /** The office code of national-level users: every unit is inside it. */
    public static final String NATIONAL = "VN";
    static final String COLLECTION = "admin_unit_directory";
    private static final Duration MAX_CACHE_AGE = Duration.ofMinutes(1);
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private final MongoTemplate mongo;
    private final VersionedProjection projection;
    private volatile Map<String, Unit> cache = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;
    private volatile Map<String, List<Unit>> gsoIndex;
    private volatile Map<String, Unit> indexedUnits;

    public AdminUnitDirectory(MongoTemplate mongo, VersionedProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    /**
     * @param code       the unit key
     * @param mergedInto the key of the unit it was merged into by a reorganisation, null while it stands
     */
    public record Unit(String code, String name, String level, String parentCode, String mergedInto, String gsoCode,
                       java.time.LocalDate validFrom, java.time.LocalDate validTo) {

        public Unit(String code, String name, String level, String parentCode, String mergedInto) {
            this(code, name, level, parentCode, mergedInto, code, null, null);
        }

        boolean isValidOn(java.time.LocalDate date) {
            return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
        }

        /** The units directly above this one: its parent and, once merged, the unit that took it over. */
        List<String> above() {
            List<String> above = new ArrayList<>(2);
            if (parentCode != null) {
                above.add(parentCode);
            }
            if (mergedInto != null) {
                above.add(mergedInto);
            }
            return above;
        }
    }

    public void apply(IncomingEvent event, AdminUnitRecorded unit) {
        Document fields = new Document("name", unit.name()).append("level", unit.level())
                .append("parentCode", unit.parentCode()).append("mergedInto", unit.mergedInto())
                .append("gsoCode", unit.gsoCode())
                .append("validFrom", unit.validFrom() == null ? null : unit.validFrom().toString())
                .append("validTo", unit.validTo() == null ? null : unit.validTo().toString());
        if (projection.apply(COLLECTION, event, fields)) {
            loadedAt = Instant.EPOCH;
        }
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(units().get(code));
    }

    /**
     * The unit a code in a request means. A key with a date ({@code 30325@2025-07-01}) means itself; a
     * plain official code means the unit that carries it on {@code date} — when a later list reused the
     * code for another unit (Phường Núi Sam, closed in 2025, and today's Phường Vĩnh Tế are both
     * {@code 30325}), whichever list was imported first. Stored data keeps keys and is never resolved.
     * A code nothing carries on that date is returned as it is.
     */
    public String resolve(String code, java.time.LocalDate date) {
        if (code == null || NATIONAL.equals(code) || code.contains("@")) {
            return code;
        }
        List<Unit> carriers = byGsoCode().getOrDefault(code, List.of());
        if (carriers.size() < 2 && (carriers.isEmpty() || carriers.get(0).code().equals(code))) {
            return code;
        }
        return carriers.stream().filter(unit -> unit.isValidOn(date))
                .max(Comparator.comparing(Unit::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(Unit::code).orElse(code);
    }

    /** {@link #resolve(String, java.time.LocalDate)} for today in Vietnam. */
    public String resolveToday(String code) {
        return resolve(code, java.time.LocalDate.now(VIETNAM));
    }

    private Map<String, List<Unit>> byGsoCode() {
        Map<String, Unit> units = units();
        Map<String, List<Unit>> index = gsoIndex;
        if (index == null || indexedUnits != units) {
            Map<String, List<Unit>> fresh = new HashMap<>();
            units.values().forEach(unit -> fresh.computeIfAbsent(unit.gsoCode() == null ? unit.code().split("@")[0] : unit.gsoCode(),
                    gso -> new ArrayList<>()).add(unit));
            index = Map.copyOf(fresh);
            gsoIndex = index;
            indexedUnits = units;
        }
        return index;
    }

    /**
     * True if {@code unitCode} is the office's own unit or lies below it, also through a merger: a commune
     * merged into a new one in 2025 lies inside the new commune (and still inside its old district).
     * Unknown units are inside nobody's area.
     */
    public boolean isWithin(String unitCode, String officeCode) {
        if (unitCode == null || officeCode == null) {
            return false;
        }
        Map<String, Unit> units = units();
        if (NATIONAL.equals(officeCode)) {
            return NATIONAL.equals(unitCode) || units.containsKey(unitCode);
        }
        if (!units.containsKey(unitCode)) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(unitCode));
        while (!pending.isEmpty()) {
            String current = pending.pop();
            if (current.equals(officeCode)) {
                return true;
            }
            Unit unit = units.get(current);
            if (seen.add(current) && unit != null) {
                pending.addAll(unit.above());
            }
        }
        return false;
    }

    /** The unit itself and every unit below it, e.g. a district and all its communes, and the old units merged into them. */
    public Set<String> selfAndDescendants(String code) {
        Map<String, Unit> units = units();
        if (NATIONAL.equals(code)) {
            return units.keySet();
        }
        Map<String, List<String>> children = new HashMap<>();
        units.values().forEach(unit -> unit.above().forEach(above ->
                children.computeIfAbsent(above, parent -> new ArrayList<>()).add(unit.code())));
        Set<String> result = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(code));
        while (!pending.isEmpty()) {
            String current = pending.pop();
            if (result.add(current)) {
                pending.addAll(children.getOrDefault(current, List.of()));
            }
        }
        return result;
    }

    /**
     * The units directly below one, standing units first: a province's communes (or districts), a
     * district's communes. For the whole country, the provinces that stand today.
     */
    public List<Unit> children(String code) {
        Comparator<Unit> standingFirstThenByName = Comparator.comparing((Unit unit) -> unit.mergedInto() != null)
                .thenComparing(Unit::name);
        return units().values().stream()
                .filter(unit -> NATIONAL.equals(code) ? unit.parentCode() == null && unit.mergedInto() == null
                        : code.equals(unit.parentCode()))
                .sorted(standingFirstThenByName)
                .toList();
    }

    private Map<String, Unit> units() {
        if (Instant.now().isAfter(loadedAt.plus(MAX_CACHE_AGE))) {
            Map<String, Unit> fresh = new HashMap<>();
            for (Document document : mongo.getCollection(COLLECTION).find()) {
                String code = document.getString("_id");
                fresh.put(code, new Unit(code, document.getString("name"), document.getString("level"),
                        document.getString("parentCode"), document.getString("mergedInto"),
                        document.getString("gsoCode") == null ? code.split("@")[0] : document.getString("gsoCode"),
                        dateOf(document.getString("validFrom")), dateOf(document.getString("validTo"))));
            }
            cache = Map.copyOf(fresh);
            loadedAt = Instant.now();
        }
        return cache;
    }

    private static java.time.LocalDate dateOf(String text) {
        return text == null ? null : java.time.LocalDate.parse(text);
    }
}
