package com.followthrough.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** The problem types of the API (RFC 9457). Each {@code type} is a stable URN clients can switch on. */
public final class Problems {

    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String INVALID_INPUT = "invalid-input";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String ILLEGAL_STATE = "illegal-state";
    public static final String CONCURRENT_UPDATE = "concurrent-update";
    public static final String TASK_CONFLICT = "task-conflict";
    public static final String SAVED_VIEW_CONFLICT = "saved-view-conflict";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String UNAVAILABLE = "unavailable";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("urn:followthrough:problem:" + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** One offending field of a request: a JSON path such as {@code customer.name}, or a query parameter. */
    public record FieldError(String field, String message) {
    }

    public static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, INVALID_INPUT, "Invalid input", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A request that could not be read as sent; {@code error} (may be null) names the part it is about. */
    public static ProblemDetail malformed(String detail, FieldError error) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, MALFORMED_REQUEST, "Malformed request", detail);
        if (error != null) {
            problem.setProperty("errors", List.of(error));
        }
        return problem;
    }

    /** For filters and security handlers, which answer outside Spring MVC. */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
