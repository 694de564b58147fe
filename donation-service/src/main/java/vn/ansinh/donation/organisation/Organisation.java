package vn.ansinh.donation.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.donation.OrganisationRegistered;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * An organisation within an office — in one ward the Fatherland Front committee, the Women's Union, the
 * Youth Union and the veterans each raise and give. Funds, stock and campaigns may belong to one; a
 * person's account may act for one. Its id is {@code office:code}, so a code is unique within its office.
 */
@Document("organisations")
public class Organisation extends OutboxDocument implements Audited {

    @Id
    private String id;
    private String officeUnitCode;
    private String code;
    private String name;
    private Instant registeredAt;

    protected Organisation() {
    }

    Organisation(String officeUnitCode, String code, String name, Instant registeredAt) {
        this.id = idOf(officeUnitCode, code);
        this.officeUnitCode = officeUnitCode;
        this.code = code;
        this.name = name;
        this.registeredAt = registeredAt;
        raise(Events.ORGANISATION_REGISTERED, new OrganisationRegistered(officeUnitCode, code, name));
    }

    static String idOf(String officeUnitCode, String code) {
        return officeUnitCode + ":" + code;
    }

    @Override
    public String auditType() {
        return "organisation";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    public String getId() {
        return id;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }
}
