package com.followthrough.cases;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * Text a person typed, wherever it comes from (JSON, a form, a query parameter): at most {@link #max()} characters,
 * counted as people count them (code points: an emoji is one character, where {@code @Size} and
 * {@code String.length()} count two UTF-16 units), and without the NUL character, which PostgreSQL cannot store
 * while H2 can: the same input must not succeed on one database and fail on the other. {@code null} is valid; combine
 * with {@code @NotBlank} to require the text.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@CodePointLength(max = Integer.MAX_VALUE, message = "must be at most {max} characters")
@Pattern(regexp = "[^\\x00]*", message = "must not contain the NUL character (U+0000)")
public @interface Text {

    /** The most characters (code points) allowed. */
    @OverridesAttribute(constraint = CodePointLength.class, name = "max")
    int max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
