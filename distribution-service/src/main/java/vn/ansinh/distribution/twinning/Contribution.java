package vn.ansinh.distribution.twinning;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * Something a twinned agency gave its village on a day: Tết gifts, health-insurance cards, money, goods,
 * work. Houses are not recorded here: a house approved under the twinning counts itself once handed over.
 */
@Document("twinning_contributions")
public class Contribution extends OutboxDocument implements Audited {

    enum Kind { GIFTS, HEALTH_INSURANCE_CARDS, CASH, GOODS, SCHOLARSHIPS, OTHER }

    @Id
    private String id;
    private String twinningId;
    private String officeUnitCode;
    private Kind kind;
    private LocalDate on;
    /** How many: gifts, cards, scholarships; null where counting makes no sense (money). */
    private Long quantity;
    /** What it was worth, VND. */
    private long value;
    private String description;
    private Instant createdAt;

    protected Contribution() {
    }

    Contribution(String id, Twinning twinning, Kind kind, LocalDate on, Long quantity, long value, String description, Instant createdAt) {
        this.id = id;
        this.twinningId = twinning.getId();
        this.officeUnitCode = twinning.getOfficeUnitCode();
        this.kind = kind;
        this.on = on;
        this.quantity = quantity;
        this.value = value;
        this.description = description;
        this.createdAt = createdAt;
        auditAs("twinning.contributed");
    }

    @Override
    public String auditType() {
        return "twinning-contribution";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    public String getId() {
        return id;
    }

    public String getTwinningId() {
        return twinningId;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public Kind getKind() {
        return kind;
    }

    public LocalDate getOn() {
        return on;
    }

    public Long getQuantity() {
        return quantity;
    }

    public long getValue() {
        return value;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
