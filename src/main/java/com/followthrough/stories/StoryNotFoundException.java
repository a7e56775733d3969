package com.followthrough.stories;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No story a person may read has this case number: none was made (the customer did not agree to share their words, or
 * the case is not confirmed), it was withdrawn, or it is hidden and the reader is not a supervisor. The answer is the
 * same in each case, so it tells nothing about the case. A 404 problem in the API, a 404 page on pages.
 */
public class StoryNotFoundException extends ErrorResponseException {

    public StoryNotFoundException(String caseNumber) {
        super(HttpStatus.NOT_FOUND, problem(caseNumber), null);
    }

    private static ProblemDetail problem(String caseNumber) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no story of case " + caseNumber);
        problem.setType(URI.create("urn:followthrough:problem:not-found"));
        problem.setTitle("Story not found");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
