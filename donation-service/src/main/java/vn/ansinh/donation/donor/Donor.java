package vn.ansinh.donation.donor;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/** Someone who gives, as the office that recorded them knows them. Phone and tax code never leave the office. */
@Document("donors")
public class Donor extends OutboxDocument implements Audited {

    @Id
    private String id;
    private String name;
    private DonorKind kind;
    private PublicDisplay display;
    private String phone;
    private String taxCode;
    private String officeUnitCode;
    private Instant createdAt;
    /** The name folded for search (no marks, lower case): "nguyen thi bay" finds "Nguyễn Thị Bảy". */
    private String searchName;

    protected Donor() {
    }

    @Override
    public String auditType() {
        return "donor";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    @Override
    public java.util.Set<String> auditDerivedFields() {
        return java.util.Set.of("searchName");
    }

    Donor(String id, String name, DonorKind kind, PublicDisplay display, String phone, String taxCode, String officeUnitCode,
          Instant createdAt) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.display = display;
        this.phone = phone;
        this.taxCode = taxCode;
        this.officeUnitCode = officeUnitCode;
        this.createdAt = createdAt;
        this.searchName = vn.ansinh.platform.text.VietnameseNames.searchKey(name);
        auditAs("donor.registered");
    }

    /** What public pages say of a gift recorded without a donor. */
    public static final String UNNAMED_GIVER = "Nhà hảo tâm (không ghi tên)";

    /** The name public pages show for a gift's donor, who may be unknown (null). */
    public static String publicNameOf(Donor donor) {
        return donor == null ? UNNAMED_GIVER : donor.publicName();
    }

    /** The name shown on public statements, as the donor chose. */
    public String publicName() {
        return kind == DonorKind.ANONYMOUS ? PublicDisplay.ANONYMOUS_NAME : display.show(name);
    }

    /** Whether the donor chose to be named in public (in full or by initials): their gifts' traces are then linked from statements. */
    public boolean isShownInPublic() {
        return kind != DonorKind.ANONYMOUS && display != PublicDisplay.ANONYMOUS;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public DonorKind getKind() {
        return kind;
    }

    public PublicDisplay getDisplay() {
        return display;
    }

    public String getPhone() {
        return phone;
    }

    public String getTaxCode() {
        return taxCode;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
