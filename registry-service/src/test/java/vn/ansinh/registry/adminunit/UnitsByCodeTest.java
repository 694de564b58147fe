package vn.ansinh.registry.adminunit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** What a code means is asked of the database once in a while, not once per request; and read again when units change. */
class UnitsByCodeTest {

    private final Map<String, Integer> asked = new HashMap<>();
    private final List<AdminUnit> stored = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final UnitsByCode units = new UnitsByCode(repository(), now::get);

    @Test
    void aCodeIsReadOnceWhileFreshAndAgainAfterwards() {
        stored.add(unit("783"));

        assertThat(units.of("783").byKey().getCode()).isEqualTo("783");
        assertThat(units.of("783").byGsoCode()).hasSize(1);
        assertThat(asked).containsEntry("findById", 1).containsEntry("findByGsoCode", 1);

        now.addAndGet(UnitsByCode.FRESH_NANOS);
        units.of("783");
        assertThat(asked).as("another instance's import is seen within the freshness").containsEntry("findById", 2);
    }

    @Test
    void anImportHereForgetsEverythingAtOnce() {
        stored.add(unit("783"));
        units.of("783");

        units.forgetAll();
        units.of("783");

        assertThat(asked).containsEntry("findById", 2);
    }

    @Test
    void aCodeThatMeansNoUnitIsNotRemembered() {
        assertThat(units.of("30331").isEmpty()).isTrue();
        stored.add(unit("30331")); // imported meanwhile on another instance

        assertThat(units.of("30331").byKey()).as("usable at once").isNotNull();
    }

    @Test
    void aDatedKeyIsLookedUpByKeyAlone() {
        units.of("30325@2025-07-01");

        assertThat(asked).containsEntry("findById", 1).doesNotContainKey("findByGsoCode");
    }

    private static AdminUnit unit(String code) {
        return new AdminUnit(code, "Xã " + code, UnitLevel.COMMUNE, null, null, null);
    }

    private AdminUnitRepository repository() {
        return (AdminUnitRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AdminUnitRepository.class},
                (proxy, method, args) -> {
                    asked.merge(method.getName(), 1, Integer::sum);
                    return switch (method.getName()) {
                        case "findById" -> stored.stream().filter(u -> u.getCode().equals(args[0])).findFirst();
                        case "findByGsoCode" -> stored.stream().filter(u -> args[0].equals(u.getGsoCode())).toList();
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
