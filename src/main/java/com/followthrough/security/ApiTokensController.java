package com.followthrough.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens over the API: people list, make and revoke their own; administrators list and revoke anyone's,
 * one or all of a person's. Making a token needs the password (HTTP Basic): a token cannot make another, so a leaked
 * token cannot outlive its revocation through a copy. The page "API tokens" (pages) does the same for people.
 */
@RestController
@Tag(name = "API tokens", description = "Personal tokens for integrations: Authorization: Bearer ft_…")
@SecurityRequirement(name = "basicAuth")
@SecurityRequirement(name = "bearerToken")
class ApiTokensController {

    /** @param expiresAt when the token stops working by itself; absent: when it is revoked */
    record NewToken(String name, Instant expiresAt) {
    }

    /** @param secret shown this once; only its hash is kept */
    record CreatedToken(ApiToken token, String secret) {
    }

    private final ApiTokens tokens;

    ApiTokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping(path = "/api/api-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Your API tokens (administrators: anyone's, with ?user=)")
    List<ApiToken> list(@RequestParam(required = false) String user, @AuthenticationPrincipal Caller caller) {
        return tokens.list(whose(user, caller));
    }

    @PostMapping(path = "/api/api-tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Make yourself an API token (with your password, not with a token); the secret is shown once")
    ResponseEntity<CreatedToken> create(@RequestBody NewToken body, @AuthenticationPrincipal Caller caller,
            Authentication authentication) {
        if (ApiTokenAuthentication.signsIn(authentication)) {
            throw ApiTokenException.forbidden("An API token cannot make API tokens: sign in with your password "
                    + "(HTTP Basic) or use the page \"API tokens\"");
        }
        ApiTokens.Created created = tokens.create(caller, body.name(), body.expiresAt());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedToken(created.token(), created.secret()));
    }

    @DeleteMapping("/api/api-tokens/{id}")
    @Operation(summary = "Revoke one of your API tokens (administrators: anyone's); it stops working at once")
    ResponseEntity<Void> revoke(@PathVariable long id, @AuthenticationPrincipal Caller caller) {
        ApiToken token = tokens.find(id).filter(found -> found.userId().equals(caller.id()) || caller.isAdmin())
                .orElseThrow(() -> ApiTokenException.notFound(id));
        tokens.revoke(token.userId(), id, caller);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(path = "/api/users/{userId}/api-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke every API token of a person (yourself, or anyone for administrators)")
    Map<String, Integer> revokeAll(@PathVariable String userId, @AuthenticationPrincipal Caller caller) {
        if (!caller.isAdmin() && !caller.id().equals(userId)) {
            throw new AccessDeniedException("Only administrators may revoke another person's API tokens");
        }
        return Map.of("revoked", tokens.revokeAll(userId, caller));
    }

    /** Others' tokens only for administrators; refused before anything is read. */
    private static String whose(String user, Caller caller) {
        if (user == null || user.equals(caller.id())) {
            return caller.id();
        }
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("Only administrators may list another person's API tokens");
        }
        return user;
    }
}
