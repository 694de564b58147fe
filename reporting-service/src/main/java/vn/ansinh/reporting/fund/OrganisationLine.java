package vn.ansinh.reporting.fund;

/**
 * What one organisation of an office (or the office itself) raised and gave, in whole VND.
 *
 * @param organisationCode   {@code null} on the office's own line
 * @param organisationName   the organisation's name; {@code null} on the office's own line
 * @param campaigns          campaigns it ran whose lists were approved
 * @param approvedHouseholds households on those approved lists
 * @param goodsDonations     donations of goods its store took
 * @param goodsValue         the donors' estimate of those goods, in whole VND
 */
public record OrganisationLine(String officeUnitCode, String organisationCode, String organisationName, int funds,
                               long received, long reserved, long spent, long balance, long cashDonations, int campaigns,
                               long approvedHouseholds, long goodsDonations, long goodsValue) {

    static OrganisationLine empty(String officeUnitCode, String organisationCode, String organisationName) {
        return new OrganisationLine(officeUnitCode, organisationCode, organisationName, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    OrganisationLine withFund(FundReport fund) {
        return new OrganisationLine(officeUnitCode, organisationCode, organisationName, funds + 1, received + fund.received(),
                reserved + fund.reserved(), spent + fund.spent(), balance + fund.balance(), cashDonations + fund.cashDonations(),
                campaigns, approvedHouseholds, goodsDonations, goodsValue);
    }

    OrganisationLine withCampaign(long households) {
        return new OrganisationLine(officeUnitCode, organisationCode, organisationName, funds, received, reserved, spent, balance,
                cashDonations, campaigns + 1, approvedHouseholds + households, goodsDonations, goodsValue);
    }

    OrganisationLine withGoods(long donations, long value) {
        return new OrganisationLine(officeUnitCode, organisationCode, organisationName, funds, received, reserved, spent, balance,
                cashDonations, campaigns, approvedHouseholds, goodsDonations + donations, goodsValue + value);
    }

    OrganisationLine plus(OrganisationLine other) {
        return new OrganisationLine(officeUnitCode, null, null, funds + other.funds, received + other.received,
                reserved + other.reserved, spent + other.spent, balance + other.balance, cashDonations + other.cashDonations,
                campaigns + other.campaigns, approvedHouseholds + other.approvedHouseholds, goodsDonations + other.goodsDonations,
                goodsValue + other.goodsValue);
    }
}
