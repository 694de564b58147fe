package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which records of one person the letters keys bring together, and which block each kind of record reads. */
class BlockingKeysTest {

    @Test
    void aYearTypedAloneMeetsTheWholeDateDespiteTheNameMistakeWhicheverCameFirst() {
        BlockingKeys.Keys whole = keysOf("Nguyễn Văn Hùng", LocalDate.of(1961, 7, 4));
        BlockingKeys.Keys yearAlone = keysOf("Nguyen Hung", LocalDate.of(1962, 1, 1));

        assertThat(whole.meet(yearAlone)).isTrue();
        assertThat(yearAlone.sought()).as("the year alone reads the wide block of the family, letters and year")
                .contains("sy:nguyen|ghnu|1961").containsAll(whole.filed().stream().filter(k -> k.startsWith("sy:")).toList());
        assertThat(whole.sought()).as("a whole date reads only the few born that day, and those known by the year alone")
                .noneMatch(key -> key.startsWith("sy:")).contains("sd:nguyen|ghnu|1962|1-1");
    }

    @Test
    void lettersSwappedAMiddleNameLeftOutAndAYearOffStillMeetWithTheDayAndMonthSwapped() {
        assertThat(keysOf("Trần Thị Lan", LocalDate.of(1970, 3, 9))
                .meet(keysOf("Tran Aln", LocalDate.of(1971, 9, 3)))).isTrue();
    }

    @Test
    void theLettersKeysNoLongerPutNamesakesBornOnOtherDaysInOneBlock() {
        assertThat(lettersOnly(keysOf("Nguyễn Văn Hùng", LocalDate.of(1961, 7, 4)))
                .meet(lettersOnly(keysOf("Nguyễn Văn Hùng", LocalDate.of(1961, 8, 15))))).isFalse();
    }

    private static BlockingKeys.Keys lettersOnly(BlockingKeys.Keys keys) {
        return new BlockingKeys.Keys(
                keys.filed().stream().filter(k -> k.startsWith("sd:") || k.startsWith("sy:")).collect(java.util.stream.Collectors.toSet()),
                keys.sought().stream().filter(k -> k.startsWith("sd:") || k.startsWith("sy:")).collect(java.util.stream.Collectors.toSet()));
    }

    private static BlockingKeys.Keys keysOf(String name, LocalDate born) {
        return BlockingKeys.of(HouseholdProfile.of("h-" + name + born, "27547", null, null,
                List.of(HouseholdProfile.Person.of(name, born, null))));
    }
}
