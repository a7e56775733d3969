package com.followthrough.cases;

import com.followthrough.policy.WordedException;

/**
 * Input that is well-formed but cannot be taken: it refers to something that does not exist (an unknown colleague or
 * team), or a time that does not fit (a promise in the past, a snooze past the policy's maximum). Names the field.
 */
public class InvalidCaseInputException extends WordedException {

    private final String field;
    private final String detail;

    public InvalidCaseInputException(String field, String message) {
        this(field, message, "The request names something that does not exist");
    }

    /** @param detail what is wrong with the request as a whole, for the problem's {@code detail} */
    public InvalidCaseInputException(String field, String message, String detail) {
        super(field + ": " + message);
        this.field = field;
        this.detail = detail;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }

    /** Without words of its own: the field's English message alone ("no user 'x' exists"), as a form shows it. */
    @Override
    public String getDefaultMessage() {
        return getMessage().substring(field.length() + 2);
    }
}
