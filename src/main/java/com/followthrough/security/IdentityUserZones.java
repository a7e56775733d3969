package com.followthrough.security;

import com.followthrough.policy.ReaderTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * People's own time zones, from their profile: the engine's identity user info {@value #KEY} (an ID such as
 * {@code America/New_York}). Set through {@code PUT /api/users/{id}/time-zone}; Camunda Admin cannot edit user info.
 * A stored value that is not a zone ID is ignored (the reader gets the calendar's zone) and logged once per user and
 * value. Read at most once a minute (application time) per user and node: mails and pages format many times for the
 * same reader; a change made here applies at once on this node, within a minute on the others.
 */
@Component
class IdentityUserZones implements ReaderTime.UserZones {

    static final String KEY = "timeZone";
    private static final Logger log = LoggerFactory.getLogger(IdentityUserZones.class);
    private static final Duration KEEP_FOR = Duration.ofMinutes(1);

    private record Cached(Optional<ZoneId> zone, Instant readAt) {
    }

    private final IdentityService identity;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, String> warnedAbout = new ConcurrentHashMap<>();

    IdentityUserZones(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public Optional<ZoneId> zoneOf(String userId) {
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if (cached != null && !now.isBefore(cached.readAt()) && now.isBefore(cached.readAt().plus(KEEP_FOR))) {
            return cached.zone();
        }
        Optional<ZoneId> zone = read(userId);
        cache.put(userId, new Cached(zone, now));
        return zone;
    }

    /** The stored value as it is, valid or not (null when none). */
    String storedValue(String userId) {
        return identity.getUserInfo(userId, KEY);
    }

    void set(String userId, ZoneId zone) {
        identity.setUserInfo(userId, KEY, zone.getId());
        cache.remove(userId);
    }

    void clear(String userId) {
        identity.deleteUserInfo(userId, KEY);
        cache.remove(userId);
    }

    /** A zone ID as people and the profile spell it; empty when it is none. */
    static Optional<ZoneId> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Optional<ZoneId> read(String userId) {
        String value = storedValue(userId);
        Optional<ZoneId> zone = parse(value);
        if (zone.isEmpty() && value != null && !value.isBlank() && !value.equals(warnedAbout.put(userId, value))) {
            log.warn("User '{}' has time zone '{}' in their profile, which is not a time zone ID (e.g. Europe/Berlin): "
                    + "times are shown to them in the business calendar's zone. Fix it with PUT /api/users/{}/time-zone. "
                    + "Logged once per user.", userId, value, userId);
        }
        return zone;
    }
}
