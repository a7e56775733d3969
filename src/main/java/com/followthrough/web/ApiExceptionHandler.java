package com.followthrough.web;

import com.followthrough.cases.CaseNotFoundException;
import com.followthrough.cases.CaseStateException;
import com.followthrough.cases.ConcurrentCaseUpdateException;
import com.followthrough.cases.IdempotentIntake;
import com.followthrough.cases.InvalidCaseInputException;
import com.followthrough.tasks.TaskConflictException;
import com.followthrough.tasks.TaskNotFoundException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of every endpoint as an RFC 9457 problem ({@code application/problem+json}), with a stable
 * {@code type}, a title, the status and a detail a person can act on; validation errors name each offending field.
 * Anything unforeseen is a 500 problem that reveals nothing internal.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    // --- our own exceptions

    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Object> caseNotFound(CaseNotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Case not found", e.getMessage()));
    }

    @ExceptionHandler(TaskNotFoundException.class)
    ResponseEntity<Object> taskNotFound(TaskNotFoundException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Task not found", e.getMessage()));
    }

    @ExceptionHandler(CaseStateException.class)
    ResponseEntity<Object> illegalState(CaseStateException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.ILLEGAL_STATE,
                "Not allowed in the case's current state", e.getMessage());
        problem.setProperty("caseNumber", e.caseNumber());
        problem.setProperty("action", e.action());
        problem.setProperty("caseStatus", e.status());
        return problem(problem);
    }

    @ExceptionHandler({ConcurrentCaseUpdateException.class, ConcurrencyFailureException.class})
    ResponseEntity<Object> concurrentUpdate(RuntimeException e) {
        String detail = e instanceof ConcurrentCaseUpdateException ? e.getMessage()
                : "Someone else changed the same data at the same time; reload and try again";
        return problem(Problems.of(HttpStatus.CONFLICT, Problems.CONCURRENT_UPDATE, "Concurrent update", detail));
    }

    @ExceptionHandler(TaskConflictException.class)
    ResponseEntity<Object> taskConflict(TaskConflictException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, Problems.TASK_CONFLICT,
                "Not allowed in the task's current state", e.getMessage()));
    }

    @ExceptionHandler(com.followthrough.tasks.SavedViewNotFoundException.class)
    ResponseEntity<Object> savedViewNotFound(RuntimeException e) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Saved view not found", e.getMessage()));
    }

    @ExceptionHandler(com.followthrough.tasks.SavedViewConflictException.class)
    ResponseEntity<Object> savedViewConflict(RuntimeException e) {
        return problem(Problems.of(HttpStatus.CONFLICT, Problems.SAVED_VIEW_CONFLICT, "Saved view not stored",
                e.getMessage()));
    }

    @ExceptionHandler(IdempotentIntake.KeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotentIntake.KeyReusedException e) {
        return problem(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, Problems.IDEMPOTENCY_KEY_REUSED,
                "Idempotency key reused", e.getMessage()));
    }

    @ExceptionHandler(InvalidCaseInputException.class)
    ResponseEntity<Object> invalidInput(InvalidCaseInputException e) {
        String message = e.getMessage().substring(e.field().length() + 2);
        return problem(Problems.invalid(e.detail(), List.of(new Problems.FieldError(e.field(), message))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        return problem(Problems.invalid("The request has invalid fields", InvalidFields.of(e)));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException e) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected error answering a request", e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR, "Internal error",
                "Something went wrong on our side; nothing was changed. Please try again later."));
    }

    /** The database is down or restarting: the transaction rolled back, so the client may simply retry. */
    private ResponseEntity<Object> databaseUnavailable(Exception e) {
        log.warn("Database unavailable while answering a request: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, "Temporarily unavailable",
                        "The database cannot be reached; nothing was changed. Please try again shortly."));
    }

    // --- Spring MVC's exceptions

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = InvalidFields.of(e.getBindingResult());
        return problem(Problems.invalid("The request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = InvalidFields.of(e);
        return problem(Problems.invalid("The request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(UnreadableBody.problem(e));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        return malformed("A parameter has a value of the wrong type",
                new Problems.FieldError(name, UnreadableBody.expected(e.getRequiredType())));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return malformed("A required parameter is missing",
                new Problems.FieldError(e.getParameterName(), "is required"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // A module's own problem (an ErrorResponseException with one of our types, e.g. outreach's) as it wrote it.
        if (e instanceof org.springframework.web.ErrorResponseException own && own.getBody().getType() != null
                && own.getBody().getType().toString().startsWith("urn:followthrough:problem:")) {
            return ResponseEntity.status(own.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(own.getBody());
        }
        if (e instanceof NoResourceFoundException && isPageRequest(request)) {
            // A browser's unknown page is the error page (templates/error.html, with the header), not JSON.
            try {
                ((ServletWebRequest) request).getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (java.io.IOException gone) {
                throw new java.io.UncheckedIOException(gone);
            }
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return malformed("A required header is missing",
                    new Problems.FieldError(missing.getHeaderName(), "is required"));
        }
        // Everything else Spring MVC raises (405, 406, 415, 404 for unknown paths...) as a problem of its kind.
        if (statusCode.is5xxServerError()) {
            log.error("Spring MVC error answering a request", e);
        }
        ProblemDetail problem = MvcProblems.of(e, statusCode);
        HttpHeaders kept = MvcProblems.kept(headers);
        return ResponseEntity.status(problem.getStatus()).headers(kept)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A browser asking for a page outside the API: it reads HTML. */
    private static boolean isPageRequest(WebRequest request) {
        if (!(request instanceof ServletWebRequest servlet) || servlet.getResponse() == null) {
            return false;
        }
        String path = servlet.getRequest().getRequestURI().substring(servlet.getRequest().getContextPath().length());
        String accept = servlet.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && !path.equals("/api") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    // ---

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> malformed(String detail, Problems.FieldError error) {
        return problem(Problems.malformed(detail, error));
    }
}
