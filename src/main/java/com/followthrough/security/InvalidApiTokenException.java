package com.followthrough.security;

import org.springframework.security.core.AuthenticationException;

/** A Bearer token that signs nobody in: unknown, revoked or expired, or its owner deleted or locked. */
public class InvalidApiTokenException extends AuthenticationException {

    InvalidApiTokenException() {
        super("The API token is unknown, revoked or expired, or its owner can no longer sign in");
    }
}
