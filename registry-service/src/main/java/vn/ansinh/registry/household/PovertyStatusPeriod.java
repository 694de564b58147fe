package vn.ansinh.registry.household;

import java.time.Instant;
import java.time.LocalDate;

/** One change of a household's poverty status: from what, to what, from which date, why and by whom. */
record PovertyStatusPeriod(PovertyStatus from, PovertyStatus to, LocalDate effectiveFrom, String reason,
                                  String changedBy, Instant recordedAt) {
}
