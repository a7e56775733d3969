package com.followthrough.stories;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** What was asked has already been done, once and for all (a thanks given twice): a 409 problem, nothing changed. */
public class StoryConflictException extends ErrorResponseException {

    public StoryConflictException(String detail) {
        super(HttpStatus.CONFLICT, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(URI.create("urn:followthrough:problem:illegal-state"));
        problem.setTitle("Already done");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
