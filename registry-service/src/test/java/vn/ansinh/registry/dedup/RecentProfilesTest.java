package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Block-mates' profiles are taken as read for a short while, the least recently used going first. */
class RecentProfilesTest {

    final AtomicLong now = new AtomicLong();

    @Test
    void aProfileReadLatelyIsTakenAsReadUntilItExpires() {
        RecentProfiles recent = new RecentProfiles(10, Duration.ofSeconds(30), now::get);
        recent.remember(Map.of("h1", profile("h1", "Nguyễn Văn An"), "h2", profile("h2", "Trần Thị Bình")));

        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(recent.known(List.of("h1", "h2", "h3")).keySet()).containsExactlyInAnyOrder("h1", "h2");

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(recent.known(List.of("h1", "h2"))).as("read 31 s ago: read again").isEmpty();
    }

    @Test
    void theLeastRecentlyUsedGoFirstAndAChangedHouseholdIsForgottenAtOnce() {
        RecentProfiles recent = new RecentProfiles(2, Duration.ofSeconds(30), now::get);
        recent.remember(Map.of("h1", profile("h1", "Nguyễn Văn An")));
        recent.remember(Map.of("h2", profile("h2", "Trần Thị Bình")));
        recent.known(List.of("h1")); // h1 used again: h2 is now the least recently used
        recent.remember(Map.of("h3", profile("h3", "Lê Văn Cường")));

        assertThat(recent.known(List.of("h1", "h2", "h3")).keySet()).containsExactlyInAnyOrder("h1", "h3");

        recent.forget("h3");
        assertThat(recent.known(List.of("h1", "h3")).keySet()).containsExactly("h1");
    }

    @Test
    void noneAreKeptWhenTheCapacityIsZero() {
        RecentProfiles recent = new RecentProfiles(0, Duration.ofSeconds(30), now::get);
        recent.remember(Map.of("h1", profile("h1", "Nguyễn Văn An")));

        assertThat(recent.known(List.of("h1"))).isEmpty();
    }

    private static HouseholdProfile profile(String id, String name) {
        return HouseholdProfile.of(id, "27496", null, null, List.of(HouseholdProfile.Person.of(name, LocalDate.of(1970, 5, 1), null)));
    }
}
