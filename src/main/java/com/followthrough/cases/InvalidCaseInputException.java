package com.followthrough.cases;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input that is well-formed but cannot be taken: it refers to something that does not exist (an unknown colleague or
 * team), or a time that does not fit (a promise in the past, a snooze past the policy's maximum). Names the field.
 */
public class InvalidCaseInputException extends RuntimeException implements MessageSourceResolvable {

    private final String field;
    private final String detail;
    private String[] codes = {};
    private Object[] arguments = {};

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

    /**
     * The field's message as a page says it, in the reader's language: {@code code} in messages.properties with
     * {@code arguments}; without it, the English message. The API's {@code errors[]} keep the English.
     */
    public InvalidCaseInputException words(String code, Object... arguments) {
        this.codes = new String[] {code};
        this.arguments = arguments;
        return this;
    }

    @Override
    public String[] getCodes() {
        return codes;
    }

    @Override
    public Object[] getArguments() {
        return arguments;
    }

    /** The message of the field alone ("no user 'x' exists"), without the field's name. */
    @Override
    public String getDefaultMessage() {
        return getMessage().substring(field.length() + 2);
    }
}
