package com.followthrough.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A token request that cannot be carried out (a bad name or expiry, a name taken, no such token), as the API's problem
 * details; the token page shows the same words in the reader's language ({@code apitokens.error.*}). Nothing was
 * changed.
 */
public class ApiTokenException extends ErrorResponseException implements MessageSourceResolvable {

    private final String code;
    private final Object[] arguments;

    private ApiTokenException(HttpStatus status, String type, String title, String detail, String field, String code,
            Object... arguments) {
        super(status, problem(status, type, title, detail, field), null);
        this.code = code;
        this.arguments = arguments;
    }

    static ApiTokenException invalid(String field, String message, String code, Object... arguments) {
        return new ApiTokenException(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", field + ": " + message,
                field, code, arguments);
    }

    static ApiTokenException conflict(String detail, String code, Object... arguments) {
        return new ApiTokenException(HttpStatus.CONFLICT, "api-token-conflict", "API token not created", detail, null,
                code, arguments);
    }

    static ApiTokenException notFound(long id) {
        return new ApiTokenException(HttpStatus.NOT_FOUND, "not-found", "API token not found",
                "No API token " + id + " of yours", null, "apitokens.error.notFound", String.valueOf(id));
    }

    static ApiTokenException forbidden(String detail) {
        return new ApiTokenException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null,
                "apitokens.error.forbidden");
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments;
    }

    @Override
    public String getDefaultMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:followthrough:problem:" + type));
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field,
                    "message", detail.substring(field.length() + 2))));
        }
        return problem;
    }
}
