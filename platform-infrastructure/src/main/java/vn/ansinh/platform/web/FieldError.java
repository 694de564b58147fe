package vn.ansinh.platform.web;

/** One invalid field in a request, reported in the problem's {@code errors} list. */
public record FieldError(String field, String message) {
}
