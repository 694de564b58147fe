package vn.ansinh.registry.adminunit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The units a code in a request can mean — the unit with that key and, for a plain official code, every
 * unit that carries it — remembered for a short while. Each registration, need and feedback checks its
 * unit, and asking the database every time was a third of a registration's own CPU (a look-up by key
 * and a query by official code, which the embedded wire server answers by scanning every unit).
 * <p>
 * Unit lists change only through an administrator's import: this instance forgets everything at once
 * when it imports, another instance within {@link #FRESH_NANOS}. In that while it can still place a
 * household in a unit the import has just closed, which is what a household registered the day before
 * the import is too: the merge link carries it into the unit that took over. A code that means no unit
 * is not remembered, so a unit list imported on another instance is usable here at once.
 */
final class UnitsByCode {

    static final long FRESH_NANOS = 30_000_000_000L;
    /** Far more than Vietnam's units before and after the 2025 reform; a bound against codes made up by callers. */
    private static final int MAX_CODES = 50_000;

    /** What a code means: the unit with that key (or null) and the units carrying it as official code. */
    record Candidates(AdminUnit byKey, List<AdminUnit> byGsoCode) {

        /**
         * Every unit the code can mean: those carrying it, and the unit with that key if it is not one of them (a dated
         * key). No two of them start on the same day (a second list's unit under the same code gets a dated key), so the
         * order does not decide which one is in force.
         */
        List<AdminUnit> all() {
            List<AdminUnit> all = new ArrayList<>(byGsoCode);
            if (byKey != null && byGsoCode.stream().noneMatch(unit -> unit.getCode().equals(byKey.getCode()))) {
                all.add(byKey);
            }
            return all;
        }

        boolean isEmpty() {
            return byKey == null && byGsoCode.isEmpty();
        }
    }

    private record Remembered(Candidates candidates, long at) {
    }

    private final AdminUnitRepository repository;
    private final LongSupplier nanoTime;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    UnitsByCode(AdminUnitRepository repository, LongSupplier nanoTime) {
        this.repository = repository;
        this.nanoTime = nanoTime;
    }

    Candidates of(String codeOrKey) {
        long now = nanoTime.getAsLong();
        Remembered known = remembered.get(codeOrKey);
        if (known != null && now - known.at() < FRESH_NANOS) {
            return known.candidates();
        }
        Candidates found = new Candidates(repository.findById(codeOrKey).orElse(null),
                codeOrKey.contains("@") ? List.of() : List.copyOf(repository.findByGsoCode(codeOrKey)));
        if (found.isEmpty()) {
            remembered.remove(codeOrKey);
            return found;
        }
        if (remembered.size() >= MAX_CODES) {
            remembered.clear();
        }
        remembered.put(codeOrKey, new Remembered(found, now));
        return found;
    }

    /** After this instance changed units: everything is read again. */
    void forgetAll() {
        remembered.clear();
    }
}
