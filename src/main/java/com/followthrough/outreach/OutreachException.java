package com.followthrough.outreach;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An outreach request that cannot be carried out, as the API's problem details (the same types the rest of the API
 * uses); the pages show its detail. Nothing was changed.
 */
public class OutreachException extends ErrorResponseException implements MessageSourceResolvable {

    /** The page's words for the detail ({@code outreach.error.*}), in the reader's language; the API keeps its English. */
    private String[] codes = {};
    private Object[] arguments = {};

    private OutreachException(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        super(status, problem(status, type, title, detail, errors), null);
    }

    /** One offending field, as the API names them in {@code errors[]}. */
    public record FieldError(String field, String message) {
    }

    static OutreachException notFound(String key) {
        return new OutreachException(HttpStatus.NOT_FOUND, "not-found", "Outreach not found",
                "No outreach " + key + " exists", null);
    }

    static OutreachException state(String detail) {
        return new OutreachException(HttpStatus.CONFLICT, "illegal-state", "Not allowed in the outreach's current state",
                detail, null);
    }

    static OutreachException invalid(String field, String message) {
        return new OutreachException(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                field + ": " + message, List.of(new FieldError(field, message)));
    }

    static OutreachException forbidden(String detail) {
        return new OutreachException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
    }

    static OutreachException tooLarge(String detail) {
        return new OutreachException(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large", detail,
                null);
    }

    public String detail() {
        return getBody().getDetail();
    }

    /** The detail as a page says it: {@code code} in messages.properties with {@code arguments}. */
    OutreachException words(String code, Object... arguments) {
        this.codes = new String[] {code};
        this.arguments = arguments;
        return this;
    }

    /** The type's own heading ({@code outreach.problem.<type>}) when a detail has no words of its own. */
    @Override
    public String[] getCodes() {
        return codes.length > 0 ? codes : new String[] {"outreach.error." + type()};
    }

    @Override
    public Object[] getArguments() {
        return arguments;
    }

    @Override
    public String getDefaultMessage() {
        return detail();
    }

    /** The problem's type ("not-found", "illegal-state", …): the key of the page's heading. */
    public String type() {
        String type = String.valueOf(getBody().getType());
        return type.substring(type.lastIndexOf(':') + 1);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
            List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:followthrough:problem:" + type));
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        }
        return problem;
    }
}
