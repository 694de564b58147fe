package vn.ansinh.console.residents;

import java.util.ArrayList;
import java.util.List;

/** What a resident fills in, kept as typed so that a refused form comes back with their words. */
public class NeedReport extends ResidentForm {

    private String fullName = "";
    private String phone = "";
    private List<String> needs = new ArrayList<>();
    private String note = "";

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
}
