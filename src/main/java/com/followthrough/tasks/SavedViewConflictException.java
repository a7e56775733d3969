package com.followthrough.tasks;

import org.springframework.context.MessageSourceResolvable;

/** A saved view that cannot be stored as asked: its name is taken, or the person has as many views as allowed. */
public class SavedViewConflictException extends RuntimeException implements MessageSourceResolvable {

    private String[] codes = {};
    private Object[] arguments = {};

    public SavedViewConflictException(String message) {
        super(message);
    }

    /** The message as a page says it: {@code code} in messages.properties with {@code arguments}. */
    public SavedViewConflictException words(String code, Object... arguments) {
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
