package com.followthrough.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

/** A time zone ID the JDK knows ({@code Europe/London}); null is allowed (then the calendar's zone applies). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Validator.class)
public @interface TimeZoneId {

    String message() default "must be a time zone ID such as Europe/London or America/New_York";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TimeZoneId, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || parse(value).isPresent();
        }

        /** The zone of a valid ID (a region such as Europe/London, or an offset); empty otherwise. */
        public static java.util.Optional<ZoneId> parse(String value) {
            if (value == null || value.isBlank()) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(ZoneId.of(value.strip()));
            } catch (DateTimeException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
