package com.followthrough.cases;

/** Input that is well-formed but refers to something that does not exist (an unknown colleague or team). */
public class InvalidCaseInputException extends RuntimeException {

    private final String field;

    public InvalidCaseInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
