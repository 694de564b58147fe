package vn.ansinh.distribution.campaign;

import java.util.HashSet;
import java.util.Set;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import vn.ansinh.distribution.replica.FundReplicaProjection;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.text.VietnameseNames;

/**
 * Where a campaign's benefit comes from: an office pays only out of funds and stock of its own office
 * or of the units it covers, and names each item once. donation-service checks the same again when it
 * reserves; this check gives the office a clear answer when it creates the campaign, without telling
 * it anything about another office's fund (not even its balance).
 */
@Component
class BenefitSources {

    private final MongoTemplate mongo;
    private final AdminUnitDirectory units;

    BenefitSources(MongoTemplate mongo, AdminUnitDirectory units) {
        this.mongo = mongo;
        this.units = units;
    }

    /**
     * @param organisationCode the organisation that runs the campaign: it pays out of its own funds only
     *                         (the Women's Union does not spend the Fatherland Front's money); {@code null}
     *                         for the office, which may pay out of any fund of its area
     */
    void requireUsableBy(String officeUnitCode, String organisationCode, CampaignBenefit benefit) {
        if (benefit.cash() != null) {
            String fundId = benefit.cash().fundId();
            FundReplicaProjection.FundOwner owner = FundReplicaProjection.ownerOf(mongo, fundId)
                    .orElseThrow(() -> Refusal.unprocessable("unknown-fund", fundId));
            if (!units.isWithin(owner.officeUnitCode(), officeUnitCode)) {
                throw Refusal.unprocessable("fund-not-usable", fundId);
            }
            if (organisationCode != null && !organisationCode.equals(owner.organisationCode())) {
                throw Refusal.unprocessable("organisation.fund-not-its", fundId, organisationCode);
            }
        }
        Set<String> items = new HashSet<>();
        for (CampaignBenefit.Goods goods : benefit.goods()) {
            String stockOffice = goods.stockOfficeUnitCode() == null ? officeUnitCode : goods.stockOfficeUnitCode();
            if (!units.isWithin(stockOffice, officeUnitCode)) {
                throw Refusal.unprocessable("stock-not-usable", goods.item(), stockOffice);
            }
            // "Gạo", "gạo " and "Gao" in kg are one stock item in donation-service: two lines of it would be one reservation.
            if (!items.add(stockOffice + "|" + VietnameseNames.searchKey(goods.item()) + "|" + VietnameseNames.searchKey(goods.unit()))) {
                throw Refusal.unprocessable("duplicate-benefit-item", goods.item(), goods.unit());
            }
        }
    }
}
