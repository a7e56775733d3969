package com.followthrough.security;

import com.followthrough.policy.ReaderTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A person's own time zone, the one their mails and pages show times in. Camunda Admin edits a user's name, email and
 * password but not their user info, so the zone is set here: by administrators for anyone, by people for themselves.
 */
@RestController
@RequestMapping(path = "/api/users/{id}/time-zone", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users", description = "A person's own time zone for the times they read")
@SecurityRequirement(name = "basicAuth")
class UserTimeZoneController {

    /**
     * @param timeZone    the zone stored in the profile; absent when none is set
     * @param effectiveZone the zone times are shown in: {@code timeZone}, or the business calendar's
     */
    record UserTimeZone(String userId, String timeZone, String effectiveZone) {
    }

    /** @param timeZone a time zone ID such as {@code America/New_York} */
    record TimeZoneChange(@NotBlank @ZoneIdentifier String timeZone) {
    }

    private final IdentityUserZones zones;
    private final IdentityService identity;
    private final ReaderTime readerTime;

    UserTimeZoneController(IdentityUserZones zones, IdentityService identity, ReaderTime readerTime) {
        this.zones = zones;
        this.identity = identity;
        this.readerTime = readerTime;
    }

    @GetMapping
    @Operation(summary = "A person's time zone (yourself, or anyone for administrators)")
    UserTimeZone get(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        requireSelfOrAdmin(id, caller);
        return view(id);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a person's time zone (a zone ID such as America/New_York)")
    UserTimeZone set(@PathVariable String id, @Valid @RequestBody TimeZoneChange body,
            @AuthenticationPrincipal Caller caller) {
        requireSelfOrAdmin(id, caller);
        zones.set(id, IdentityUserZones.parse(body.timeZone()).orElseThrow());
        return view(id);
    }

    @DeleteMapping
    @Operation(summary = "Remove a person's time zone: times are shown in the business calendar's zone again")
    ResponseEntity<Void> clear(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
        requireSelfOrAdmin(id, caller);
        zones.clear(id);
        return ResponseEntity.noContent().build();
    }

    /** Others' settings are refused before looking the user up, so the answer does not tell who exists. */
    private void requireSelfOrAdmin(String id, Caller caller) {
        if (!caller.id().equals(id) && !caller.isAdmin()) {
            throw new AccessDeniedException("Only administrators may read or change another person's time zone");
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No user '" + id + "'");
        }
    }

    private UserTimeZone view(String id) {
        String stored = zones.storedValue(id);
        return new UserTimeZone(id, stored, readerTime.zoneOf(id).getId());
    }

    /** A time zone ID that {@link java.time.ZoneId#of(String)} knows; blank is left to {@code @NotBlank}. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ZoneIdentifier.Check.class)
    @interface ZoneIdentifier {
        String message() default "is not a time zone ID; use one such as Europe/Berlin or America/New_York";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<ZoneIdentifier, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || value.isBlank() || IdentityUserZones.parse(value).isPresent();
            }
        }
    }
}
