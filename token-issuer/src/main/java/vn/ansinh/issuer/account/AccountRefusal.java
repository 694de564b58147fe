package vn.ansinh.issuer.account;

/**
 * An account rule said no: a code the screens and the API turn into words, and the value it is about.
 * Never carries a password or a setup code.
 */
public class AccountRefusal extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, UNPROCESSABLE, OUT_OF_SCOPE }

    private final Kind kind;
    private final String code;
    private final String subject;

    AccountRefusal(Kind kind, String code, String subject) {
        super(code + (subject == null ? "" : ": " + subject));
        this.kind = kind;
        this.code = code;
        this.subject = subject;
    }

    /** What the refusal is about (a sign-in name, a minimum length), or null. */
    public String subject() {
        return subject;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
