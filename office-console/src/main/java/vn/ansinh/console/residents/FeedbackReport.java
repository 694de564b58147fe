package vn.ansinh.console.residents;

/** What a resident fills in to send feedback, kept as typed so that a refused form comes back with their words. */
public class FeedbackReport {

    private String kind = "";
    private String district = "";
    private String unitCode = "";
    private String hamlet = "";
    private String message = "";
    private String phone = "";
    /** The honeypot: hidden from people, filled in by simple bots. */
    private String website = "";

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null ? "" : kind;
    }

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

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message == null ? "" : message;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone == null ? "" : phone;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website == null ? "" : website;
    }
}
