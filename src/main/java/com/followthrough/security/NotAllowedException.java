package com.followthrough.security;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;

/**
 * An action or a page this person may not take or see, with its reason in words for the pages ({@code code} in
 * messages.properties with {@code arguments}, in the reader's language); the API's 403 says the English message.
 */
public class NotAllowedException extends AccessDeniedException implements MessageSourceResolvable {

    private final String code;
    private final Object[] arguments;

    public NotAllowedException(String message, String code, Object... arguments) {
        super(message);
        this.code = code;
        this.arguments = arguments;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
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
