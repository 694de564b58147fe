package vn.ansinh.events.registry;

import java.time.LocalDate;

/**
 * An administrative unit as the registry knows it (reference data, compacted topic keyed by code).
 *
 * @param level PROVINCE, DISTRICT or COMMUNE
 */
public record AdminUnitRecorded(String code, String name, String level, String parentCode,
                                LocalDate validFrom, LocalDate validTo) {
}
