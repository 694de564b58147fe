package vn.ansinh.registry.adminunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.events.OutboxDocument;

/**
 * An administrative unit with its official GSO code, kept with the events it has not yet published.
 * Its key is the GSO code unless an earlier list already used that code for another unit (see
 * {@link vn.ansinh.platform.adminunit.UnitKeys}).
 */
@Document("admin_units")
public class AdminUnit extends OutboxDocument {

    @Id
    private String code;
    @Indexed
    private String gsoCode;
    private String name;
    private UnitLevel level;
    private String parentCode;
    private LocalDate validFrom;
    private LocalDate validTo;
    /** The unit that took this one over in a reorganisation (the one that took all of it, if there is one). */
    private String mergedInto;
    /** Every unit that took over a part of this one, when it was split. */
    private List<String> partlyMergedInto = new ArrayList<>();

    protected AdminUnit() {
    }

    public AdminUnit(String code, String name, UnitLevel level, String parentCode, LocalDate validFrom, LocalDate validTo) {
        this.code = code;
        this.gsoCode = code;
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /** Gives a unit read from a list its key in this registry, and its parent's. */
    void assignKeys(String key, String parentKey) {
        this.code = key;
        this.parentCode = parentKey;
    }

    /** True if importing {@code other} would change what is stored. */
    public boolean differsFrom(AdminUnit other) {
        return !Objects.equals(name, other.name) || level != other.level || !Objects.equals(parentCode, other.parentCode)
                || !Objects.equals(validFrom, other.validFrom)
                || (other.validTo != null && !Objects.equals(validTo, other.validTo));
    }

    /** Takes the listed values; an end date set by a reorganisation stays when the list itself gives none. */
    public void takeValuesOf(AdminUnit other) {
        name = other.name;
        level = other.level;
        parentCode = other.parentCode;
        validFrom = other.validFrom;
        if (other.validTo != null) {
            validTo = other.validTo;
        }
    }

    /**
     * Records that this unit ceased on {@code lastDay} and went, wholly or in part, into {@code successor}.
     *
     * @return true if anything changed
     */
    boolean mergeInto(String successor, boolean wholly, LocalDate lastDay) {
        boolean changed = false;
        if (validTo == null || validTo.isAfter(lastDay)) {
            validTo = lastDay;
            changed = true;
        }
        if (wholly && !successor.equals(mergedInto)) {
            mergedInto = successor;
            changed = true;
        }
        if (!wholly && !partlyMergedInto.contains(successor)) {
            partlyMergedInto.add(successor);
            if (mergedInto == null) {
                // Split units still need one home for counting; an officer places each household in the right part.
                mergedInto = successor;
            }
            changed = true;
        }
        return changed;
    }

    public boolean isValidOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    /** The label that tells this unit's list apart from other lists: the date it took effect. */
    String eraLabel() {
        return validFrom == null ? "legacy" : validFrom.toString();
    }

    public String getCode() {
        return code;
    }

    public String getGsoCode() {
        return gsoCode == null ? code : gsoCode;
    }

    public String getName() {
        return name;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public String getParentCode() {
        return parentCode;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public String getMergedInto() {
        return mergedInto;
    }

    public List<String> getPartlyMergedInto() {
        return List.copyOf(partlyMergedInto);
    }
}
