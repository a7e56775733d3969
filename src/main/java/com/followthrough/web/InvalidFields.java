package com.followthrough.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The fields a failed validation names, whichever of Spring's three routes it came by (a {@code @Valid} body, a
 * constrained handler parameter, a constrained service method), in one shape and sorted by field, so that a client
 * reads the same problem whatever layer refused the value.
 */
final class InvalidFields {

    private InvalidFields() {
    }

    /** A {@code @Valid} body: each field error, then the object-level ones named by the object. */
    static List<Problems.FieldError> of(Errors result) {
        List<Problems.FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(error ->
                errors.add(new Problems.FieldError(error.getField(), error.getDefaultMessage())));
        result.getGlobalErrors().forEach(error ->
                errors.add(new Problems.FieldError(error.getObjectName(), error.getDefaultMessage())));
        return sorted(errors);
    }

    /** Constrained handler parameters: named as the client sent them ({@code @RequestParam}/{@code @RequestHeader}). */
    static List<Problems.FieldError> of(HandlerMethodValidationException e) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bean) {
                // A @Valid body validated together with constrained parameters: name the body's fields.
                errors.addAll(of(bean));
                return;
            }
            String name = result.getMethodParameter().getParameterName();
            var requestParam = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            if (requestParam != null && !requestParam.name().isEmpty()) {
                name = requestParam.name();
            }
            var requestHeader = result.getMethodParameter().getParameterAnnotation(RequestHeader.class);
            if (requestHeader != null && !requestHeader.name().isEmpty()) {
                name = requestHeader.name();
            }
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new Problems.FieldError(name, error.getDefaultMessage()));
            }
        });
        return sorted(errors);
    }

    /** A constrained service method (e.g. {@code CaseService.open(@Valid OpenCase)}). */
    static List<Problems.FieldError> of(ConstraintViolationException e) {
        return sorted(e.getConstraintViolations().stream()
                .map(violation -> new Problems.FieldError(field(violation), violation.getMessage()))
                .toList());
    }

    private static List<Problems.FieldError> sorted(List<Problems.FieldError> errors) {
        return errors.stream().sorted(Comparator.comparing(Problems.FieldError::field)).toList();
    }

    /**
     * The field a service-level violation is about: {@code resolution}, or {@code intake.customer.name} →
     * {@code customer.name}.
     */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean afterMethod = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                afterMethod = true;
                continue;
            }
            if (afterMethod || node.getKind() == ElementKind.PROPERTY) {
                names.add(node.getName());
            }
        }
        if (names.size() > 1) {
            names.remove(0);
        }
        return names.isEmpty() ? "(request)" : String.join(".", names);
    }
}
