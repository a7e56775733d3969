package com.followthrough.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The text of a timer expression as the policy writes it and the engine's business calendars read it back.
 *
 * <p>Calendar time is plain ISO 8601 ({@code PT4H}, cycle {@code R/PT24H}), which the engine's standard calendars
 * resolve as they always did. Business time carries a prefix, {@code business:} ({@code business:P1D}, cycle
 * {@code R/business:P1D}): the timer's text itself says how it counts, so the choice survives in the job table
 * (a repeating timer recomputes its next due date from that text) and a timer never depends on a setting that may
 * have changed since it was created. Whole days are written as days ({@code P1D}), because in business time they
 * are business days. On a team's own calendar the team is named: {@code business:accounting:P3D}.
 */
public final class TimerExpressions {

    public static final String BUSINESS = "business:";

    private TimerExpressions() {
    }

    /** Business time on a calendar: the team's, or the deployment's when {@code team} is null. */
    public record BusinessTime(String team, Duration amount) {
    }

    /** {@code PT4H}, or {@code business:PT4H} / {@code business:P1D} for business time. */
    public static String duration(Duration amount, TimeBasis basis) {
        return duration(amount, basis, null);
    }

    /** As {@link #duration(Duration, TimeBasis)}, on {@code team}'s calendar: {@code business:accounting:P3D}. */
    public static String duration(Duration amount, TimeBasis basis, String team) {
        if (basis == TimeBasis.CALENDAR) {
            return amount.toString();
        }
        return BUSINESS + (team == null || team.isBlank() ? "" : team.strip() + ":") + days(amount);
    }

    /** {@code R/PT24H}, or {@code R/business:P1D}: repeats every {@code amount} until the timer is removed. */
    public static String cycle(Duration amount, TimeBasis basis) {
        return "R/" + duration(amount, basis);
    }

    public static boolean isBusiness(String expression) {
        return expression != null && expression.contains(BUSINESS);
    }

    /** The amount of a {@code business:...} duration; empty for anything else. */
    public static Optional<Duration> businessDuration(String expression) {
        return businessTime(expression).map(BusinessTime::amount);
    }

    /** The calendar and amount of a {@code business:[team:]...} duration; empty for anything else. */
    public static Optional<BusinessTime> businessTime(String expression) {
        if (expression == null || !expression.startsWith(BUSINESS)) {
            return Optional.empty();
        }
        String rest = expression.substring(BUSINESS.length()).trim();
        int colon = rest.indexOf(':');
        String team = colon < 0 ? null : rest.substring(0, colon);
        String iso = colon < 0 ? rest : rest.substring(colon + 1);
        try {
            return Optional.of(new BusinessTime(team, Duration.parse(iso)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + expression + "' is not business time like business:P1D", e);
        }
    }

    /** ISO 8601 with whole days as days: {@code P1D}, {@code P1DT4H}, {@code PT4H}. */
    static String days(Duration amount) {
        long days = amount.toDays();
        Duration rest = amount.minusDays(days);
        if (days == 0) {
            return rest.toString();
        }
        return "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1));
    }
}
