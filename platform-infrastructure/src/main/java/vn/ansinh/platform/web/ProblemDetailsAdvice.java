package vn.ansinh.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.domain.TransientContention;
import tools.jackson.databind.DatabindException;

/**
 * Every error leaves the services as {@code application/problem+json} (RFC 9457), in the language
 * of the request, with a field-level list for validation failures. Clients can tell malformed JSON,
 * a wrong type in a field and a rule violation apart by {@code code}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final ProblemFactory problems;

    public ProblemDetailsAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApiException(ApiException e) {
        // A field message from the domain is a message key ("field.<key>" in problems.properties), or plain text.
        List<FieldError> errors = e.fieldErrors().stream().map(error -> new FieldError(error.field(),
                problems.messageOrDefault("field." + error.message(), error.message(), locale()))).toList();
        ProblemDetail problem = problems.create(e.status(), e.code(), locale(), errors, e.arguments());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        e.headers().forEach((name, value) -> response.header(name, value));
        return response.body(problem);
    }

    /** The domain's refusals become problems here and nowhere else. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> handleRefusal(Refusal refusal) {
        HttpStatus status = statusOf(refusal.kind());
        List<FieldError> errors = refusal.fields().stream().map(field -> new FieldError(field.name(),
                problems.messageOrDefault("field." + field.problem(), field.problem(), locale()))).toList();
        return ResponseEntity.status(status).body(problems.create(status, refusal.code(), locale(), errors, refusal.arguments()));
    }

    /** Contention that may pass: 503 with Retry-After, never a refusal the client would take as final. */
    @ExceptionHandler(TransientContention.class)
    ResponseEntity<ProblemDetail> handleContention(TransientContention contention) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .body(problems.create(HttpStatus.SERVICE_UNAVAILABLE, contention.code(), locale(), contention.arguments()));
    }

    public static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case OUT_OF_SCOPE -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        List<FieldError> errors = List.of(new FieldError(e.getName(), problems.message("field.wrong-type", locale())));
        return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale(), errors));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return validationProblem(e);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                             HttpHeaders headers, HttpStatusCode status,
                                                                             WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale(), errors));
    }

    private ResponseEntity<Object> validationProblem(BindException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(error -> errors.add(new FieldError(error.getField(),
                problems.message(messageKey(error.getCode()), locale(), error.getArguments()))));
        e.getGlobalErrors().forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale(), errors));
    }

    private static String messageKey(String constraint) {
        return "field." + (constraint == null ? "invalid" : constraint);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof PayloadTooLargeException) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(problems.create(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", locale()));
            }
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                String field = fieldPath(databind);
                String message = cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                        ? "field.unknown" : "field.wrong-type";
                List<FieldError> errors = List.of(new FieldError(field, problems.message(message, locale())));
                return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, "validation-failed", locale(), errors));
            }
            if (cause instanceof JacksonException) {
                break;
            }
            cause = cause.getCause();
        }
        return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, "malformed-body", locale()));
    }

    private static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // Framework errors (405, 415, 406, missing parameters...) keep Spring's problem but get a localised title.
        if (body instanceof ProblemDetail detail && detail.getProperties() == null) {
            detail.setTitle(problems.messageOrDefault("http." + status.value() + ".title", detail.getTitle(), locale()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
