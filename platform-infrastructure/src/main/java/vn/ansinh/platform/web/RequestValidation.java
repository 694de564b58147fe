package vn.ansinh.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks a request the way {@code @Valid} would, for the places that must check it later: after a
 * rate limiter has counted the call, or once the body's kind (cash or goods) is known. Problems come
 * out as the same field errors, keyed by the constraint's name ("NotBlank" → "is required").
 */
public final class RequestValidation {

    private RequestValidation() {
    }

    /** @throws ApiException 400 with one field error per violated constraint */
    public static void requireValid(Validator validator, Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new FieldError(v.getPropertyPath().toString(),
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())).toList();
            throw ApiException.invalid(errors);
        }
    }
}
