package com.followthrough.pages;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Map;
import org.springframework.validation.BindingResult;

/** Checks a domain object by its own rules and shows each broken rule at the form field it came from. */
final class Violations {

    private Violations() {
    }

    /** @param fields the domain property path → the form's field; paths not listed are shown at the same name */
    static <T> void check(Validator validator, T domainObject, BindingResult errors, Map<String, String> fields) {
        validator.validate(domainObject).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> reject(errors, fields, violation));
    }

    private static void reject(BindingResult errors, Map<String, String> fields, ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String field = fields.getOrDefault(path, path);
        // A value that failed to bind (a wrong type) already has its own message there.
        if (errors.getFieldErrorCount(field) == 0) {
            errors.rejectValue(field, "invalid", violation.getMessage());
        }
    }
}
