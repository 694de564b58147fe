package vn.ansinh.console.residents;

/**
 * What every residents' form has, kept as typed: where the family lives (a district, then its commune,
 * and the hamlet) and the honeypot field people cannot see and simple bots fill in.
 */
public class ResidentForm {

    private String district = "";
    private String unitCode = "";
    private String hamlet = "";
    private String website = "";

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district == null ? "" : district;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode == null ? "" : unitCode;
    }

    public String getHamlet() {
        return hamlet;
    }

    public void setHamlet(String hamlet) {
        this.hamlet = hamlet == null ? "" : hamlet;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website == null ? "" : website;
    }

    /** Only a program fills in a field no one can see. */
    boolean isFromABot() {
        return !website.isBlank();
    }
}
