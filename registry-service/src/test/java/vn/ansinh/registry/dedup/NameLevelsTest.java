package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How alike two names are, as the match model weighs them: each level on names as officers type them. */
class NameLevelsTest {

    @Test
    void eachLevelOnTheNamesOfficersType() {
        assertThat(level("Nguyễn Thị Lan", "NGUYEN THI LAN")).as("capitals, no diacritics").isEqualTo(Comparison.NAME_EXACT);
        assertThat(level("Nguyễn Thị Lan", "Nguyễn Thị Llan")).as("a letter doubled").isEqualTo(Comparison.NAME_ONE_TYPO);
        assertThat(level("Nguyễn Thị Lan", "Nguyễn Lan")).as("the middle name left out").isEqualTo(Comparison.NAME_WITHOUT_MIDDLE);
        assertThat(level("Trần Văn Đức Minh", "Trần Văn Minh")).as("one of two middle names left out")
                .isEqualTo(Comparison.NAME_WITHOUT_MIDDLE);
        assertThat(level("Lê Văn Hùng", "Phạm Văn Hùng")).as("another family").isEqualTo(Comparison.NAME_SAME_GIVEN);
        assertThat(level("Trần Thu Hà", "Trần Mai Lan")).isEqualTo(Comparison.NAME_DIFFERENT);
    }

    @Test
    void twoDifferentMiddleNamesAreNotOneLeftOut() {
        // Namesakes by the thousand at a million registered: one family name, given names a letter apart.
        assertThat(level("Nguyễn Kiến Bình", "Nguyễn Trúc Linh")).isEqualTo(Comparison.NAME_SAME_GIVEN);
        assertThat(level("Nguyễn Nhân Văn", "Nguyễn Quỳnh Vân")).isEqualTo(Comparison.NAME_SAME_GIVEN);
        assertThat(level("Trần Văn Minh", "Trần Đức Văn Minh")).as("the one middle name kept, in its place")
                .isEqualTo(Comparison.NAME_WITHOUT_MIDDLE);
        assertThat(level("Trần Văn Minh", "Trần Đức Minh")).isEqualTo(Comparison.NAME_SAME_GIVEN);
    }

    private static int level(String x, String y) {
        return Comparison.name(HouseholdProfile.Person.of(x, null, null), HouseholdProfile.Person.of(y, null, null));
    }
}
