package vn.ansinh.donation.banking;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A campaign's appeal for transfers into a fund ("Ủng hộ đồng bào lũ lụt"): its own transfer code and
 * VietQR code on the fund's account, so a transfer made with it is recorded into the fund as meant for
 * the campaign, and its trace puts it to that campaign first.
 */
@Document(Appeal.COLLECTION)
public class Appeal extends OutboxDocument implements Audited {

    static final String COLLECTION = "fund_appeals";

    @Id
    private String transferCode;
    private String fundId;
    private String officeUnitCode;
    private String campaignId;
    private String name;
    private Instant openedAt;

    protected Appeal() {
    }

    Appeal(String transferCode, String fundId, String officeUnitCode, String campaignId, String name, Instant openedAt) {
        this.transferCode = transferCode;
        this.fundId = fundId;
        this.officeUnitCode = officeUnitCode;
        this.campaignId = campaignId;
        this.name = name;
        this.openedAt = openedAt;
        auditAs("fund.appeal.opened");
    }

    @Override
    public String auditType() {
        return "fund-appeal";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    public String getTransferCode() {
        return transferCode;
    }

    public String getFundId() {
        return fundId;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public String getName() {
        return name;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }
}
