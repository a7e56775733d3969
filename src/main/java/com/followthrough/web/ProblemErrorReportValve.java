package com.followthrough.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers, for requests it refuses before any servlet or filter sees them (an encoded slash or a
 * NUL in the path, headers over {@code server.max-http-request-header-size}): a problem ({@code
 * application/problem+json}) under {@code /api} and {@code /engine-rest}, where clients expect one, and Tomcat's page,
 * without server details, elsewhere. Public with a no-argument constructor because Tomcat instantiates the host's error
 * valve by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !RequestGuard.isApiPath(request.getRequestURI())) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem(status, throwable)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot be written: nothing more to tell anyone.
        }
    }

    private static Map<String, Object> problem(int status, Throwable throwable) {
        HttpStatus known = HttpStatus.resolve(status);
        String slug = switch (status) {
            case 404 -> Problems.NOT_FOUND;
            case 405 -> Problems.METHOD_NOT_ALLOWED;
            case 413 -> Problems.PAYLOAD_TOO_LARGE;
            case 503 -> Problems.UNAVAILABLE;
            default -> status < 500 ? Problems.MALFORMED_REQUEST : Problems.INTERNAL_ERROR;
        };
        boolean tooLarge = throwable != null && String.valueOf(throwable.getMessage()).contains("too large");
        String detail = status == 400 && tooLarge
                ? "The request's headers are too large altogether; send shorter headers"
                : status == 400
                ? "The request could not be read: its path has an encoded slash, backslash or NUL, or its request line"
                        + " or headers are not valid HTTP"
                : known == null ? "The request failed" : known.getReasonPhrase();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(slug).toString());
        problem.put("title", status == 400 ? "Malformed request" : known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
