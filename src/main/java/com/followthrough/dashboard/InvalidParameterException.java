package com.followthrough.dashboard;

/** A query parameter of a dashboard request that cannot be answered: 400, naming the parameter. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The message without the parameter's name. */
    public String reason() {
        return getMessage().substring(parameter.length() + 2);
    }
}
