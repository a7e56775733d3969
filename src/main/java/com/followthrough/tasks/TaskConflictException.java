package com.followthrough.tasks;

import org.springframework.context.MessageSourceResolvable;

/** The task is not in a state that allows this (claimed by someone else, not offered to a team); nothing changed. */
public class TaskConflictException extends RuntimeException implements MessageSourceResolvable {

    private String[] codes = {};
    private Object[] arguments = {};

    public TaskConflictException(String message) {
        super(message);
    }

    /** The message as a page says it: {@code code} in messages.properties with {@code arguments}. */
    public TaskConflictException words(String code, Object... arguments) {
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

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
