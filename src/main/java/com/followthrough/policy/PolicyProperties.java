package com.followthrough.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.policy}: the follow-up intervals of each priority, as ISO-8601 durations.
 * Bad values fail start-up with the name of the setting.
 */
@Validated
@ConfigurationProperties("followthrough.policy")
public record PolicyProperties(@NotNull Map<Priority, @Valid @NotNull Intervals> priorities) {

    @AssertTrue(message = "must define intervals for every priority: LOW, NORMAL, HIGH and URGENT")
    public boolean isEveryPriorityDefined() {
        return priorities != null && priorities.keySet().containsAll(EnumSet.allOf(Priority.class));
    }

    public Intervals of(Priority priority) {
        return priorities.get(priority);
    }

    /** The intervals of a priority, named as in the settings ({@code check-in-after}). */
    public enum Interval {
        CHECK_IN_AFTER, ESCALATE_AFTER, CALLBACK_WITHIN, CALLBACK_ESCALATE_AFTER, RETRY_AFTER,
        FIRST_ACTION_WITHIN, FIRST_ACTION_ESCALATE_AFTER, VERIFY_WITHIN, VERIFY_ESCALATE_AFTER, ANSWER_WITHIN,
        REVIEW_WITHIN, SNOOZE_MAX
    }

    /**
     * @param checkInAfter          a hand-off's first check-in falls due after this, and again every interval
     * @param escalateAfter         a hand-off still open after this is escalated to a supervisor
     * @param callbackWithin        the owner should call the customer back within this; the owner is reminded then
     * @param callbackEscalateAfter a callback attempt not made after this is escalated to a supervisor
     * @param retryAfter            after an unanswered callback, the next attempt falls due after this
     * @param callbackAttempts      unanswered attempts before the customer gets a written follow-up
     * @param firstActionWithin     a case with its owner (new or reopened) is due for a first action (hand it off
     *                              or resolve it) after this; the owner is reminded then
     * @param firstActionEscalateAfter a case still with its owner after this is escalated to a supervisor
     * @param verifyWithin          a resolved hand-off is due for verification after this; the owner is reminded then
     * @param verifyEscalateAfter   a fix still unverified after this is escalated to a supervisor
     * @param answerWithin          a colleague's question to the owner is due for an answer after this
     * @param reviewWithin          an escalation's review is due after this, and supervisors are reminded again every
     *                              interval while it stays unreviewed
     * @param snoozeMax             the latest an owner may snooze a due check-in reminder to, counted from now
     * @param time                  how this priority's intervals count: {@code business} (working hours on the
     *                              business calendar; the default) or {@code calendar} (around the clock)
     * @param timeOverrides         per interval ({@code retry-after: calendar}), where it differs from {@code time}
     */
    public record Intervals(
            @NotNull Duration checkInAfter,
            @NotNull Duration escalateAfter,
            @NotNull Duration callbackWithin,
            @NotNull Duration callbackEscalateAfter,
            @NotNull Duration retryAfter,
            @Min(1) @Max(10) int callbackAttempts,
            @NotNull Duration firstActionWithin,
            @NotNull Duration firstActionEscalateAfter,
            @NotNull Duration verifyWithin,
            @NotNull Duration verifyEscalateAfter,
            @NotNull Duration answerWithin,
            @NotNull Duration reviewWithin,
            @NotNull Duration snoozeMax,
            TimeBasis time,
            Map<Interval, TimeBasis> timeOverrides) {

        public Intervals {
            time = time == null ? TimeBasis.BUSINESS : time;
            timeOverrides = timeOverrides == null ? Map.of() : Map.copyOf(timeOverrides);
        }

        /** Whether {@code interval} counts business or calendar time. */
        public TimeBasis timeOf(Interval interval) {
            return timeOverrides.getOrDefault(interval, time);
        }

        public Duration of(Interval interval) {
            return switch (interval) {
                case CHECK_IN_AFTER -> checkInAfter;
                case ESCALATE_AFTER -> escalateAfter;
                case CALLBACK_WITHIN -> callbackWithin;
                case CALLBACK_ESCALATE_AFTER -> callbackEscalateAfter;
                case RETRY_AFTER -> retryAfter;
                case FIRST_ACTION_WITHIN -> firstActionWithin;
                case FIRST_ACTION_ESCALATE_AFTER -> firstActionEscalateAfter;
                case VERIFY_WITHIN -> verifyWithin;
                case VERIFY_ESCALATE_AFTER -> verifyEscalateAfter;
                case ANSWER_WITHIN -> answerWithin;
                case REVIEW_WITHIN -> reviewWithin;
                case SNOOZE_MAX -> snoozeMax;
            };
        }

        @AssertTrue(message = "every interval must be longer than zero")
        public boolean isEveryIntervalPositive() {
            return positive(checkInAfter) && positive(escalateAfter) && positive(callbackWithin)
                    && positive(callbackEscalateAfter) && positive(retryAfter) && positive(firstActionWithin)
                    && positive(firstActionEscalateAfter) && positive(verifyWithin) && positive(verifyEscalateAfter)
                    && positive(answerWithin) && positive(reviewWithin) && positive(snoozeMax);
        }

        /**
         * Both callback intervals start together, so the escalation must not fall due before the callback. In business
         * time whole days and the hours beyond them are compared separately: {@code P1D} is not always longer than
         * {@code PT8H} (with a lunch break, 8 working hours outlast one business day), but more days and more hours
         * are.
         */
        @AssertTrue(message = "callback-escalate-after must not be shorter than callback-within (in business time: "
                + "neither fewer whole days nor fewer hours beyond them, e.g. P1D then P2D, or PT8H then PT12H)")
        public boolean isCallbackEscalationAfterDue() {
            return notBefore(Interval.CALLBACK_WITHIN, Interval.CALLBACK_ESCALATE_AFTER);
        }

        /**
         * Mixed time bases have no fixed order: a business day can last from a few hours (a short Friday) to days
         * (over a weekend or holidays), so a calendar-time escalation could come before a business-time callback is
         * due, or the other way round, whatever the lengths.
         */
        @AssertTrue(message = "callback-within and callback-escalate-after must count the same time (both business or "
                + "both calendar; see time and time-overrides): with mixed time an escalation could come before the "
                + "callback is due, e.g. over a weekend")
        public boolean isCallbackEscalationCountedLikeTheCallback() {
            return timeOf(Interval.CALLBACK_WITHIN) == timeOf(Interval.CALLBACK_ESCALATE_AFTER);
        }

        /** A case left with its owner is reminded before it is escalated, as the callback is (same rules). */
        @AssertTrue(message = "first-action-escalate-after must count the same time as first-action-within and not be "
                + "shorter (in business time: neither fewer whole days nor fewer hours beyond them)")
        public boolean isFirstActionEscalationAfterDue() {
            return timeOf(Interval.FIRST_ACTION_WITHIN) == timeOf(Interval.FIRST_ACTION_ESCALATE_AFTER)
                    && notBefore(Interval.FIRST_ACTION_WITHIN, Interval.FIRST_ACTION_ESCALATE_AFTER);
        }

        /** An unverified fix is reminded before it is escalated, as the callback is (same rules). */
        @AssertTrue(message = "verify-escalate-after must count the same time as verify-within and not be shorter "
                + "(in business time: neither fewer whole days nor fewer hours beyond them)")
        public boolean isVerificationEscalationAfterDue() {
            return timeOf(Interval.VERIFY_WITHIN) == timeOf(Interval.VERIFY_ESCALATE_AFTER)
                    && notBefore(Interval.VERIFY_WITHIN, Interval.VERIFY_ESCALATE_AFTER);
        }

        /** Whether {@code later}, started together with {@code earlier}, can never fall due before it. */
        private boolean notBefore(Interval earlier, Interval later) {
            Duration first = of(earlier);
            Duration second = of(later);
            if (first == null || second == null) {
                return true;
            }
            if (timeOf(earlier) == TimeBasis.BUSINESS && timeOf(later) == TimeBasis.BUSINESS) {
                return second.toDays() >= first.toDays() && !rest(second).minus(rest(first)).isNegative();
            }
            return second.compareTo(first) >= 0;
        }

        private static Duration rest(Duration amount) {
            return amount.minusDays(amount.toDays());
        }

        private static boolean positive(Duration duration) {
            return duration == null || (!duration.isNegative() && !duration.isZero());
        }
    }
}
