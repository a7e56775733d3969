package com.followthrough.stories;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One person's weekly digest: the week in numbers (for all cases, and for their teams; supervisors get every team), the
 * stories featured that week, the thanks given, and their own week. What the mail says and the preview page shows; it
 * carries no customer's name or contact details, and stories only of customers who agreed to share their words.
 *
 * @param weekOf   the Monday of the week it tells (in the business calendar's zone)
 * @param from     the week's start
 * @param to       its end, or now for a preview of the week still running
 * @param timeBasis how the medians count: {@code business} or {@code calendar}
 * @param outreaches the launched outreaches' progress as the digest is written: every one for a supervisor, for others
 *                  those whose cases they or a teammate own
 */
public record WeeklyDigest(String person, String personName, LocalDate weekOf, Instant from, Instant to,
        String timeBasis, List<WeekInNumbers> numbers, List<Story> featured, List<ThanksNote> thanks, OwnWeek own,
        List<OutreachProgress> outreaches) {

    /** The week of all cases: the first of {@link #numbers}. */
    public WeekInNumbers allCases() {
        return numbers.get(0);
    }

    /**
     * The week in numbers, for all cases ({@code team} null) or a team's (handed off to it, or by name to one of its
     * members).
     *
     * @param confirmed          cases followed through to a confirmed callback (also with a linked case)
     * @param closedAfterCallback cases closed other than on first contact: the confirmation rate's denominator
     * @param confirmationRate   confirmed ÷ closed other than on first contact; null when none closed
     * @param medianSeconds      median time from the customer's call to their confirmation, over {@code confirmed};
     *                           null when none
     * @param satisfaction       average score given at the callbacks that closed cases this week; null when none
     * @param ratings            how many scores the average is of
     */
    public record WeekInNumbers(String team, String label, long confirmed, long closedAfterCallback,
            Double confirmationRate, Long medianSeconds, String median, Double satisfaction, long ratings) {
    }

    /**
     * @param casesClosed      cases the person owns that closed this week
     * @param handOffsResolved hand-offs on other owners' cases the person resolved this week
     * @param colleaguesHelped how many different owners those hand-offs were for
     * @param thanksReceived   thanks the person received this week, oldest first
     */
    public record OwnWeek(long casesClosed, long handOffsResolved, long colleaguesHelped,
            List<ThanksNote> thanksReceived) {
    }

    /**
     * An outreach's progress: its customers, how many were contacted, how many confirmed it is solved (by a call or by
     * their own answer), how many said it is still a problem, and how many cases are still open.
     */
    public record OutreachProgress(String title, int customers, int contacted, int confirmed, int stillAProblem,
            int open) {
    }
}
