package vn.ansinh.events.registry;

import java.time.LocalDate;

/**
 * An administrative unit as the registry knows it (reference data, compacted topic keyed by the unit key).
 *
 * @param code       the unit key: the GSO code, or code@date when a later list reused the code for another unit
 * @param level      PROVINCE, DISTRICT or COMMUNE
 * @param gsoCode    the official code as printed on documents
 * @param mergedInto the key of the unit this one was merged into by a reorganisation, null while it stands
 */
public record AdminUnitRecorded(String code, String name, String level, String parentCode,
                                LocalDate validFrom, LocalDate validTo, String gsoCode, String mergedInto) {
}
