package com.followthrough.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a JSON body could not be read, in the caller's words: the field it is about (a JSON path such as
 * {@code customer.name}) and what is wrong with it, never a Java class or Jackson's own wording about one. A body must
 * be exactly one JSON value with each field once (see {@link JsonStrictness}).
 */
final class UnreadableBody {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$", Pattern.DOTALL);

    private UnreadableBody() {
    }

    static ProblemDetail problem(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (!(cause instanceof JacksonException) && e.getCause() instanceof JsonMappingException mapping) {
            cause = mapping; // a value a parser refused (a date-time): Jackson's exception knows the field
        }
        if (cause instanceof StreamReadException read) {
            return unparsable(read);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return malformed("The body has a field this request does not know", new Problems.FieldError(
                    path(unknown), "is not a known field; known fields: " + unknown.getKnownPropertyIds()));
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null) {
            return malformed("A field has a value of the wrong type",
                    new Problems.FieldError(path(format), expected(format.getTargetType())));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return malformed("A field has an invalid value",
                    new Problems.FieldError(path(mapping), "has an invalid value"));
        }
        if (cause instanceof JacksonException) {
            return malformed("The body could not be read as JSON", null);
        }
        return malformed("A JSON body is required", null);
    }

    /** The text is not JSON, names a field twice, or holds a number too large for its field. */
    private static ProblemDetail unparsable(StreamReadException read) {
        JsonStreamContext context = read.getProcessor() == null ? null : read.getProcessor().getParsingContext();
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(read.getOriginalMessage()));
        if (duplicate.matches()) {
            // The parser is still in the object that has the field twice: its path, then the field.
            String parent = context == null ? "" : path(context.getParent());
            String field = parent.isEmpty() ? duplicate.group(1) : parent + "." + duplicate.group(1);
            return malformed("The body names a field more than once",
                    new Problems.FieldError(field, "appears more than once: send each field once"));
        }
        if (read instanceof InputCoercionException) {
            String field = context == null ? "" : path(context);
            return malformed("A number in the body is out of range",
                    field.isEmpty() ? null : new Problems.FieldError(field, "is out of range"));
        }
        String where = read.getLocation() == null ? ""
                : " (line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr() + ")";
        return malformed("The body is not valid JSON: " + read.getOriginalMessage() + where, null);
    }

    private static ProblemDetail mismatched(MismatchedInputException mismatch) {
        String message = String.valueOf(mismatch.getOriginalMessage());
        if (message.startsWith("Trailing token")) {
            return malformed("The body has more after its JSON value: send exactly one JSON object", null);
        }
        if (message.startsWith("No content to map")) {
            return malformed("A JSON body is required", null);
        }
        if (mismatch.getPath().isEmpty()) {
            return malformed("The body must be a JSON object", null);
        }
        return malformed("A field has a value of the wrong type",
                new Problems.FieldError(path(mismatch), expected(mismatch.getTargetType())));
    }

    private static ProblemDetail malformed(String detail, Problems.FieldError error) {
        return Problems.malformed(detail, error);
    }

    /** {@code customer.name}, {@code items[2].id}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    /** The same, from where the parser is: each enclosing object's current field, each array's index. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be a date or time in ISO-8601 form";
        }
        return type.isRecord() || !type.getName().startsWith("java.") ? "must be a JSON object" : "has the wrong type";
    }
}
