package com.followthrough.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Administrators see the user names and client addresses with recent failed sign-ins, and end a delay at once (e.g.
 * for a person who must get in now while someone keeps guessing their password). Administrators only
 * (web.SecurityConfiguration). Every delay also ends by itself (README "Security").
 */
@RestController
@RequestMapping(path = "/api/sign-in-delays", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sign-in delays", description = "Failed sign-ins and the delays they cause (administrators)")
@SecurityRequirement(name = "basicAuth")
class SignInDelaysController {

    private final SignInThrottle throttle;

    SignInDelaysController(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping
    @Operation(summary = "User names and addresses with recent failed sign-ins, and until when they must wait")
    List<SignInThrottle.Delay> list() {
        return throttle.current();
    }

    @DeleteMapping("/users/{userId}")
    @Operation(summary = "Forget a user name's failed sign-ins: the right password works at once again")
    ResponseEntity<Void> clearUser(@PathVariable String userId) {
        return cleared(throttle.clear(SignInThrottle.Kind.USER, userId), "user name '" + userId + "'");
    }

    @DeleteMapping("/addresses/{address}")
    @Operation(summary = "Forget a client address's failed sign-ins (e.g. an office behind one address)")
    ResponseEntity<Void> clearAddress(@PathVariable String address) {
        return cleared(throttle.clear(SignInThrottle.Kind.ADDRESS, address), "address " + address);
    }

    /** 204 when a delay was ended, 404 when that user name or address had no failures to forget. */
    private static ResponseEntity<Void> cleared(boolean found, String what) {
        if (!found) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No failed sign-ins recorded for " + what);
        }
        return ResponseEntity.noContent().build();
    }
}
