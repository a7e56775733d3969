package com.followthrough.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request signed in by an API token: the owner, with the authorities of their current groups. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final Caller owner;

    ApiTokenAuthentication(Caller owner) {
        super(IdentityAuthenticationProvider.authorities(owner));
        this.owner = owner;
        setAuthenticated(true);
    }

    /** Whether the request was signed in by a token rather than a password (tokens may not make tokens). */
    static boolean signsIn(Object authentication) {
        return authentication instanceof ApiTokenAuthentication;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Caller getPrincipal() {
        return owner;
    }
}
