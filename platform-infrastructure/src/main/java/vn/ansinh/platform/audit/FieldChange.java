package vn.ansinh.platform.audit;

/** One field of a document before and after a change; {@code null} where it was or is absent. */
public record FieldChange(String field, Object before, Object after) {
}
