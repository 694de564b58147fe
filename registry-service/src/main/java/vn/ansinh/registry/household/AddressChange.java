package vn.ansinh.registry.household;

import java.time.Instant;
import java.time.LocalDate;

/** A move, kept so the household's history shows every unit it belonged to. */
record AddressChange(Address from, Address to, LocalDate effectiveFrom, String reason, String changedBy,
                            Instant recordedAt) {
}
