package com.followthrough.policy;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of working time on a weekday, in the calendar's local time: {@code from} inclusive, {@code to}
 * exclusive. {@code endOfDay} stands for {@code 24:00} (work until midnight), which {@link LocalTime} cannot hold.
 */
public record WorkingHours(LocalTime from, LocalTime to, boolean endOfDay) implements Comparable<WorkingHours> {

    public WorkingHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!endOfDay && !from.isBefore(to)) {
            throw new IllegalArgumentException("'" + text(from, to, false) + "' must end after it starts");
        }
    }

    public static WorkingHours of(String from, String to) {
        return parse(from + "-" + to);
    }

    /** Parses {@code 09:00-17:00}; {@code 24:00} may end a range. */
    public static WorkingHours parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a range of hours like 09:00-17:00");
        }
        try {
            LocalTime from = LocalTime.parse(parts[0]);
            boolean endOfDay = parts[1].equals("24:00");
            LocalTime to = endOfDay ? LocalTime.MIDNIGHT : LocalTime.parse(parts[1]);
            return new WorkingHours(from, to, endOfDay);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a range of hours like 09:00-17:00");
        }
    }

    boolean overlaps(WorkingHours other) {
        return startsBeforeEndOf(other) && other.startsBeforeEndOf(this);
    }

    private boolean startsBeforeEndOf(WorkingHours other) {
        return other.endOfDay || from.isBefore(other.to);
    }

    @Override
    public int compareTo(WorkingHours other) {
        return from.compareTo(other.from);
    }

    @Override
    public String toString() {
        return text(from, to, endOfDay);
    }

    private static String text(LocalTime from, LocalTime to, boolean endOfDay) {
        return from + "-" + (endOfDay ? "24:00" : to.toString());
    }
}
