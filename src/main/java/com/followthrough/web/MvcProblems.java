package com.followthrough.web;

import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What Spring MVC refuses before a handler runs (an unknown path, a method, a content type it cannot take or give),
 * as a problem of its kind that says what the client can do instead, never a Java class name.
 */
final class MvcProblems {

    private MvcProblems() {
    }

    static ProblemDetail of(Exception e, HttpStatusCode statusCode) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String slug = switch (statusCode.value()) {
            case 404 -> Problems.NOT_FOUND;
            case 405 -> Problems.METHOD_NOT_ALLOWED;
            case 406 -> Problems.NOT_ACCEPTABLE;
            case 413 -> Problems.PAYLOAD_TOO_LARGE;
            case 415 -> Problems.UNSUPPORTED_MEDIA_TYPE;
            default -> statusCode.is4xxClientError() ? Problems.MALFORMED_REQUEST : Problems.INTERNAL_ERROR;
        };
        return Problems.of(status == null ? HttpStatus.BAD_REQUEST : status, slug,
                status == null ? "Error" : status.getReasonPhrase(), detail(e, status));
    }

    /** Of the headers Spring prepared, those that tell the client what would be accepted (Allow, Accept). */
    static HttpHeaders kept(HttpHeaders headers) {
        HttpHeaders kept = new HttpHeaders();
        if (headers != null && headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            kept.setAllow(headers.getAllow());
        }
        if (headers != null && !headers.getAccept().isEmpty()) {
            kept.setAccept(headers.getAccept());
        }
        return kept;
    }

    private static String detail(Exception e, HttpStatus status) {
        if (e instanceof NoResourceFoundException none) {
            return "No endpoint " + none.getHttpMethod() + " /" + none.getResourcePath();
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return "Content type " + (unsupported.getContentType() == null ? "(none)" : unsupported.getContentType())
                    + " is not supported here; send " + MediaType.APPLICATION_JSON_VALUE;
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return "Method " + method.getMethod() + " is not supported here; use "
                    + Arrays.toString(method.getSupportedMethods());
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return "This endpoint answers " + MediaType.APPLICATION_JSON_VALUE + " only";
        }
        if (e instanceof ResponseStatusException refused && refused.getReason() != null) {
            return refused.getReason();
        }
        return status == null ? "Request refused" : status.getReasonPhrase();
    }
}
