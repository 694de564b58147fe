package vn.ansinh.platform.domain;

/**
 * A business rule said no: the domain's answer, not an HTTP one. {@code code} names a message in
 * {@code problems.properties} (English) and {@code problems_vi.properties} (Vietnamese); the web edge
 * turns the {@link Kind} into a status in one place ({@code ProblemDetailsAdvice}). A refusal is final:
 * trying the same thing again gets the same answer. Contention that may pass is a
 * {@link TransientContention} instead.
 */
public class Refusal extends RuntimeException {

    /** What kind of "no" it is, which the edge maps to 404, 409, 422 or 403. */
    public enum Kind {
        /** The thing does not exist, or the caller may not know that it does. */
        NOT_FOUND,
        /** The thing's current state does not allow it (already done, wrong state, not enough money). */
        CONFLICT,
        /** The request is well formed but names something it may not (another office's fund, a unit outside the campaign). */
        UNPROCESSABLE,
        /** The caller's office may not act on that unit. */
        OUT_OF_SCOPE,
        /** What was asked breaks a rule about its own content; {@link #fields()} says which fields and why. */
        INVALID
    }

    /** A field that breaks a rule, and the message key of the rule (or plain text). */
    public record Field(String name, String problem) {
    }

    private final Kind kind;
    private final String code;
    private final Object[] arguments;
    private final java.util.List<Field> fields;

    public Refusal(Kind kind, String code, Object... arguments) {
        this(kind, code, java.util.List.of(), arguments);
    }

    private Refusal(Kind kind, String code, java.util.List<Field> fields, Object... arguments) {
        super(code);
        this.kind = kind;
        this.code = code;
        this.fields = java.util.List.copyOf(fields);
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    /** Fields that break the rules of what is being asked ({@code validation-failed}). */
    public static Refusal invalid(java.util.List<Field> fields) {
        return new Refusal(Kind.INVALID, "validation-failed", fields);
    }

    public static Refusal invalid(String field, String problem) {
        return invalid(java.util.List.of(new Field(field, problem)));
    }

    public static Refusal notFound(String what, String id) {
        return new Refusal(Kind.NOT_FOUND, "not-found", what, id);
    }

    public static Refusal conflict(String code, Object... arguments) {
        return new Refusal(Kind.CONFLICT, code, arguments);
    }

    public static Refusal unprocessable(String code, Object... arguments) {
        return new Refusal(Kind.UNPROCESSABLE, code, arguments);
    }

    public static Refusal outOfScope(String unitCode) {
        return new Refusal(Kind.OUT_OF_SCOPE, "out-of-scope", unitCode);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public java.util.List<Field> fields() {
        return fields;
    }
}
