package vn.ansinh.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A business refusal that becomes an RFC 9457 problem. {@code code} names a message in
 * {@code problems.properties} (English) and {@code problems_vi.properties} (Vietnamese), so the
 * client gets the reason in the language of its request.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] arguments;
    private final List<FieldError> fieldErrors;
    private Map<String, String> headers = Map.of();

    public ApiException(HttpStatus status, String code, Object... arguments) {
        this(status, code, List.of(), arguments);
    }

    public ApiException(HttpStatus status, String code, List<FieldError> fieldErrors, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.arguments = arguments;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what, id);
    }

    public static ApiException invalid(List<FieldError> fieldErrors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", fieldErrors);
    }

    /** 429 with {@code Retry-After}: the client may try again after that many seconds. */
    public static ApiException tooManyRequests(Duration retryAfter) {
        ApiException exception = new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                Math.max(1, retryAfter.toSeconds()));
        exception.headers = Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        return exception;
    }

    public static ApiException outOfScope(String unitCode) {
        return new ApiException(HttpStatus.FORBIDDEN, "out-of-scope", unitCode);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Response headers the problem carries, e.g. Retry-After. */
    public Map<String, String> headers() {
        return headers;
    }
}
