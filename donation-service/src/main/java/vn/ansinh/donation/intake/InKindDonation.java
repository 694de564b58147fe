package vn.ansinh.donation.intake;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.donation.stock.Quantities;
import vn.ansinh.events.Events;
import vn.ansinh.events.donation.InKindDonationReceived;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * Goods received by an office. Saved first, with its event; its lines then enter the office's stock
 * through the ledger (one entry per line, each recorded once). {@code stockApplied} stays false until
 * every line is in, so a donation interrupted by a crash is finished by the sweep.
 */
@Document("in_kind_donations")
class InKindDonation extends OutboxDocument implements Audited {

    /** @param quantityThousandths the quantity in thousandths of the unit */
    public record Line(String item, String unit, long quantityThousandths, long estimatedValue, java.time.LocalDate expiresOn) {
    }

    @Id
    private String id;
    private String officeUnitCode;
    private String donorId;
    private String receiptNumber;
    private List<Line> lines;
    /** The office's organisation whose store took the goods; {@code null} for the office's own. */
    private String organisationCode;
    private boolean stockApplied;
    private Instant receivedAt;

    protected InKindDonation() {
    }

    @Override
    public String auditType() {
        return "goods-donation";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    InKindDonation(String id, String officeUnitCode, String organisationCode, String donorId, String receiptNumber, List<Line> lines,
                   Instant receivedAt) {
        this.id = id;
        this.organisationCode = organisationCode;
        this.officeUnitCode = officeUnitCode;
        this.donorId = donorId;
        this.receiptNumber = receiptNumber;
        this.lines = List.copyOf(lines);
        this.receivedAt = receivedAt;
        raise(Events.IN_KIND_DONATION_RECEIVED, new InKindDonationReceived(id, officeUnitCode, this.lines.stream()
                .map(line -> new InKindDonationReceived.Item(line.item(), line.unit(),
                        Quantities.fromThousandths(line.quantityThousandths()), line.estimatedValue())).toList(), receivedAt,
                organisationCode));
    }

    public String getId() {
        return id;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getDonorId() {
        return donorId;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public List<Line> getLines() {
        return lines;
    }

    public boolean isStockApplied() {
        return stockApplied;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
