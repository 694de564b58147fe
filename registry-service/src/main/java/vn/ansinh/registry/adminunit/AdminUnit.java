package vn.ansinh.registry.adminunit;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.events.EventSourcedDocument;

/** An administrative unit with its official GSO code, kept with the events it has not yet published. */
@Document("admin_units")
public class AdminUnit extends EventSourcedDocument {

    @Id
    private String code;
    private String name;
    private UnitLevel level;
    private String parentCode;
    private LocalDate validFrom;
    private LocalDate validTo;

    protected AdminUnit() {
    }

    public AdminUnit(String code, String name, UnitLevel level, String parentCode, LocalDate validFrom, LocalDate validTo) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentCode = parentCode;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /** True if importing {@code other} would change what is stored. */
    public boolean differsFrom(AdminUnit other) {
        return !java.util.Objects.equals(name, other.name) || level != other.level
                || !java.util.Objects.equals(parentCode, other.parentCode)
                || !java.util.Objects.equals(validFrom, other.validFrom) || !java.util.Objects.equals(validTo, other.validTo);
    }

    public void takeValuesOf(AdminUnit other) {
        name = other.name;
        level = other.level;
        parentCode = other.parentCode;
        validFrom = other.validFrom;
        validTo = other.validTo;
    }

    public String getCode() {
        return code;
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
}
