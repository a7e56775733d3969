package com.followthrough.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Times as a person reads them (mail "due by" texts, pages): in the reader's own zone when known, else in the
 * business calendar's zone. The per-user zone comes from a {@link UserZones} bean: {@code security} reads it from the
 * person's profile (the identity service's user info {@code timeZone}).
 */
public final class ReaderTime {

    /** Where a user's own time zone comes from (their profile); empty when unknown. */
    @FunctionalInterface
    public interface UserZones {
        Optional<ZoneId> zoneOf(String userId);
    }

    private final ZoneId calendarZone;
    private final UserZones userZones;

    public ReaderTime(ZoneId calendarZone, UserZones userZones) {
        this.calendarZone = calendarZone;
        this.userZones = userZones;
    }

    /** The business calendar's zone: the default for everything people read. */
    public ZoneId calendarZone() {
        return calendarZone;
    }

    /** The user's own zone, or the calendar's. */
    public ZoneId zoneOf(String userId) {
        return userId == null ? calendarZone : userZones.zoneOf(userId).orElse(calendarZone);
    }

    /** {@code instant} on the user's wall clock, for templates: {@code #temporals.format(due, 'EEE d MMM HH:mm z')}. */
    public ZonedDateTime forUser(Instant instant, String userId) {
        return instant.atZone(zoneOf(userId));
    }
}
