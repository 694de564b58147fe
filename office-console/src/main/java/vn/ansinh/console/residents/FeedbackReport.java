package vn.ansinh.console.residents;

/** What a resident fills in to send feedback, kept as typed so that a refused form comes back with their words. */
public class FeedbackReport extends ResidentForm {

    private String kind = "";
    private String message = "";
    private String phone = "";

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null ? "" : kind;
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
}
