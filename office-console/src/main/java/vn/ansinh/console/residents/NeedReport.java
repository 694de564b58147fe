package vn.ansinh.console.residents;

import java.util.ArrayList;
import java.util.List;

/** What a resident fills in, kept as typed so that a refused form comes back with their words. */
public class NeedReport {

    private String fullName = "";
    private String phone = "";
    private String district = "";
    private String unitCode = "";
    private String hamlet = "";
    private List<String> needs = new ArrayList<>();
    private String note = "";
    /** The honeypot: hidden from people, filled in by simple bots. */
    private String website = "";

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName == null ? "" : fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone == null ? "" : phone;
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

    public List<String> getNeeds() {
        return needs;
    }

    public void setNeeds(List<String> needs) {
        this.needs = needs == null ? new ArrayList<>() : new ArrayList<>(needs);
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website == null ? "" : website;
    }
}
