package com.followthrough.pages;

import com.followthrough.cases.InvalidCaseInputException;
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

    /**
     * Input the service refused, at its form field ({@code field}; null: for the whole form): in the reader's words
     * when it has them (the field's template resolves its code), else its English message.
     */
    static void reject(BindingResult errors, String field, InvalidCaseInputException e) {
        String code = e.getCodes().length == 0 ? "invalid" : e.getCodes()[0];
        if (field == null) {
            errors.reject(code, e.getArguments(), e.getMessage());
        } else {
            errors.rejectValue(field, code, e.getArguments(), e.getDefaultMessage());
        }
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
