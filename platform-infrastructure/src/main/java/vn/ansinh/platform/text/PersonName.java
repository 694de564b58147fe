package vn.ansinh.platform.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A person's name as people write it: letters (with Vietnamese marks, precomposed or not), spaces,
 * apostrophes, hyphens and dots ("Nguyễn Thị Bảy", "H'Hen Niê", "Lê V. Tám"), starting with a letter.
 * Not digits, not markup, not a number sent where text was expected. Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = PersonName.PATTERN)
@ReportAsSingleViolation
public @interface PersonName {

    String PATTERN = "^\\p{L}[\\p{L}\\p{M} .'\u2019-]*$";

    String message() default "{vn.ansinh.PersonName}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
