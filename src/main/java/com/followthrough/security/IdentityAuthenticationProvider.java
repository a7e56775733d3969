package com.followthrough.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs people in against the engine's identity service (passwords hashed by the engine, users and groups managed in
 * Camunda Admin). Authorities: {@code ROLE_AGENT}, {@code ROLE_SUPERVISOR}, {@code ROLE_ADMIN} from the role groups,
 * and {@code GROUP_<id>} for every group.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    IdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return signIn(authentication);
        } catch (AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            // E.g. the database is down: not the caller's fault, and not a wrong password. Spring Security hands
            // this to the entry point, which answers 503 (web.ProblemSecurityHandlers), or the login page shows it.
            throw new InternalAuthenticationServiceException("Sign-in could not be checked", e);
        }
    }

    private Authentication signIn(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || userId.length() > 64 || !(credentials instanceof String password)
                || !identity.checkPassword(userId, password)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Caller caller = new Caller(userId, groups);
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities(caller));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static List<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (caller.isAgent()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_AGENT"));
        }
        if (caller.isSupervisor()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SUPERVISOR"));
        }
        if (caller.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        caller.groups().stream().sorted().forEach(group -> authorities.add(new SimpleGrantedAuthority("GROUP_" + group)));
        return authorities;
    }
}
