package com.followthrough.policy;

import com.followthrough.cases.Priority;
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
        CHECK_IN_AFTER, ESCALATE_AFTER, CALLBACK_WITHIN, CALLBACK_ESCALATE_AFTER, RETRY_AFTER
    }

    /**
     * @param checkInAfter          a hand-off's first check-in falls due after this, and again every interval
     * @param escalateAfter         a hand-off still open after this is escalated to a supervisor
     * @param callbackWithin        the owner should call the customer back within this; the owner is reminded then
     * @param callbackEscalateAfter a callback attempt not made after this is escalated to a supervisor
     * @param retryAfter            after an unanswered callback, the next attempt falls due after this
     * @param callbackAttempts      unanswered attempts before the customer gets a written follow-up
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
            };
        }

        @AssertTrue(message = "every interval must be longer than zero")
        public boolean isEveryIntervalPositive() {
            return positive(checkInAfter) && positive(escalateAfter) && positive(callbackWithin)
                    && positive(callbackEscalateAfter) && positive(retryAfter);
        }

        @AssertTrue(message = "callback-escalate-after must not be shorter than callback-within")
        public boolean isCallbackEscalationAfterDue() {
            return callbackWithin == null || callbackEscalateAfter == null
                    || callbackEscalateAfter.compareTo(callbackWithin) >= 0;
        }

        private static boolean positive(Duration duration) {
            return duration == null || (!duration.isNegative() && !duration.isZero());
        }
    }
}
