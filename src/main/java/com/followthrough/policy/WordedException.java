package com.followthrough.policy;

import org.springframework.context.MessageSourceResolvable;

/**
 * An exception that a page can say in its reader's language: a code of messages.properties with its arguments (set by
 * {@link #words}), else its English message. The API's problem detail keeps the English {@link #getMessage()}. Here,
 * at the bottom of the layering, so that every module's exceptions can be worded alike.
 */
public abstract class WordedException extends RuntimeException implements MessageSourceResolvable {

    private String[] codes = {};
    private Object[] arguments = {};

    protected WordedException(String message) {
        super(message);
    }

    protected WordedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The page's words: {@code code} in messages.properties with {@code arguments} (resolvable ones are resolved too). */
    public WordedException words(String code, Object... arguments) {
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

    /** Without words of its own: the English message. */
    @Override
    public String getDefaultMessage() {
        return getMessage();
    }
}
