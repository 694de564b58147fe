package vn.ansinh.console.backend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Administrative units as the pages need them: names for codes, the communes an office registers
 * households in, and the public lists a resident picks from. Names are kept once read: a unit's
 * name does not change (a reform makes new units, it does not rename old ones).
 */
@Component
public class AdminUnits {

    /** How long a list of units is kept: the unit tree changes with a reform, not from page to page. */
    private static final java.time.Duration LISTS_KEPT = java.time.Duration.ofMinutes(10);

    private final ServiceApi registry;
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, Kept> lists = new ConcurrentHashMap<>();

    private record Kept(List<Unit> units, java.time.Instant until) {
    }

    public AdminUnits(ServiceApis services) {
        this.registry = services.registry();
    }

    public record Unit(String code, String name, String level, String parentCode) {
    }

    /** Units grouped under a heading (a district's communes). */
    public record Group(String name, List<Unit> units) {
    }

    /** The name of a unit, or its code if the registry does not know it. */
    public String nameOf(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = names.get(code);
        if (known != null) {
            return known;
        }
        try {
            Unit unit = registry.get("/api/v1/admin-units/" + code, Unit.class);
            names.put(code, unit.name());
            return unit.name();
        } catch (ApiRefusal unknown) {
            return code;
        }
    }

    public Map<String, String> namesOf(Collection<String> codes) {
        Map<String, String> found = new LinkedHashMap<>();
        codes.stream().filter(code -> code != null && !code.isBlank()).distinct().forEach(code -> found.put(code, nameOf(code)));
        return found;
    }

    /** The units directly below an office (none below the national office: the list would be every province). */
    public List<Unit> below(String office) {
        if (office == null || "VN".equals(office)) {
            return List.of();
        }
        return kept("below:" + office, () -> registry.getList("/api/v1/admin-units?parent=" + office, Unit.class));
    }

    /**
     * Where an office registers households: a commune its own unit, a district its communes, a
     * province its communes by district (or directly, after the 2025 reform).
     */
    public List<Group> communesOf(String office) {
        if (office == null || "VN".equals(office)) {
            return List.of();
        }
        Unit own = registry.get("/api/v1/admin-units/" + office, Unit.class);
        names.put(own.code(), own.name());
        if ("COMMUNE".equals(own.level())) {
            return List.of(new Group(own.name(), List.of(own)));
        }
        List<Group> groups = new ArrayList<>();
        List<Unit> direct = new ArrayList<>();
        for (Unit child : below(office)) {
            if ("COMMUNE".equals(child.level())) {
                direct.add(child);
            } else {
                groups.add(new Group(child.name(), below(child.code())));
            }
        }
        if (!direct.isEmpty()) {
            groups.add(0, new Group(own.name(), direct));
        }
        return groups;
    }

    /** The public list below a unit, for a resident who is not signed in. */
    public List<Unit> publicBelow(String parent, String clientAddress) {
        return kept("public:" + parent, () -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> raw = registry.callPublic("GET", "/api/v1/public/admin-units?parent=" + parent, null,
                    clientAddress, List.class);
            return raw.stream().map(unit -> new Unit(String.valueOf(unit.get("code")), String.valueOf(unit.get("name")),
                    String.valueOf(unit.get("level")), String.valueOf(unit.get("parentCode")))).toList();
        });
    }

    /** A list read once and kept for a while: every form and search page shows one, the residents' page two. */
    private List<Unit> kept(String key, java.util.function.Supplier<List<Unit>> read) {
        java.time.Instant now = java.time.Instant.now();
        Kept known = lists.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.units();
        }
        List<Unit> units = remember(read.get());
        lists.put(key, new Kept(units, now.plus(LISTS_KEPT)));
        return units;
    }

    /** A unit's name for a resident who is not signed in. */
    public String publicName(String code, String clientAddress) {
        String known = names.get(code);
        if (known != null) {
            return known;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> unit = registry.callPublic("GET", "/api/v1/public/admin-units/" + code, null, clientAddress, Map.class);
        String name = String.valueOf(unit.get("name"));
        names.put(code, name);
        return name;
    }

    private List<Unit> remember(List<Unit> units) {
        units.forEach(unit -> names.put(unit.code(), unit.name()));
        return units;
    }
}
