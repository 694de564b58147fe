package vn.ansinh.platform.domain;

/**
 * Too many writers at once on one thing (a fund's ledger, a campaign): nothing was refused and
 * nothing was changed, and the same request may well succeed a moment later. Callers retry it (an
 * event consumer lets the binder redeliver; the web edge answers 503 with {@code Retry-After}); it is
 * never turned into a permanent refusal.
 */
public class TransientContention extends RuntimeException {

    private final String code;
    private final Object[] arguments;

    public TransientContention(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
