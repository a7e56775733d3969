package com.followthrough.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.policy.PolicyProperties.Interval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy binds from ISO-8601 settings, and bad settings fail start-up naming the setting. */
class PolicyPropertiesTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PolicyConfiguration.class)
            .withPropertyValues(every("LOW")).withPropertyValues(every("NORMAL")).withPropertyValues(every("HIGH"))
            .withPropertyValues(every("URGENT"))
            .withPropertyValues(priority("NORMAL", "P1D", "P3D", "P1D", "P2D", "PT4H", "3"));

    @Configuration
    @EnableConfigurationProperties(PolicyProperties.class)
    static class PolicyConfiguration {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        BusinessCalendars businessCalendars() {
            return new BusinessCalendars(WorkCalendar.weekdays(ZoneId.of("Europe/Berlin"), "09:00", "17:00"),
                    java.util.Map.of("accounting", WorkCalendar.weekdays(ZoneId.of("America/New_York"), "09:00", "17:00")));
        }

        @Bean
        CasePolicy casePolicy(PolicyProperties properties, BusinessCalendars calendars, Clock clock) {
            return new CasePolicy(properties, calendars, clock);
        }
    }

    @Test
    void bindsIsoDurations_andAnswersTheTimerExpressions() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            CasePolicy policy = started.getBean(CasePolicy.class);
            assertThat(policy.intervals(Priority.NORMAL).checkInAfter()).isEqualTo(Duration.ofDays(1));
            assertThat(policy.checkInCycle(Priority.NORMAL)).isEqualTo("R/business:P1D");
            assertThat(policy.escalateAfter(Priority.NORMAL)).isEqualTo("business:P3D");
            assertThat(policy.retryAfter(Priority.NORMAL)).isEqualTo("business:PT4H");
            assertThat(policy.callbackAttempts(Priority.NORMAL)).isEqualTo(3);
            assertThat(policy.callbackDueDate(Priority.NORMAL)).isEqualTo(Date.from(NOW.plus(Duration.ofDays(1))));
            assertThat(policy.escalationDueDate(Priority.NORMAL)).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));
        });
    }

    @Test
    void intervalsCountBusinessTimeByDefault_aPriorityOrOneIntervalCanCountCalendarTime() {
        context.withPropertyValues("followthrough.policy.priorities.URGENT.time=calendar",
                        "followthrough.policy.priorities.NORMAL.time-overrides.retry-after=calendar",
                        "followthrough.policy.priorities.NORMAL.time-overrides.callback-within=calendar",
                        "followthrough.policy.priorities.NORMAL.time-overrides.callback-escalate-after=calendar")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    CasePolicy policy = started.getBean(CasePolicy.class);
                    assertThat(policy.timeOf(Priority.HIGH, Interval.CHECK_IN_AFTER)).isEqualTo(TimeBasis.BUSINESS);
                    assertThat(policy.checkInCycle(Priority.URGENT)).isEqualTo("R/PT1H");
                    assertThat(policy.escalateAfter(Priority.URGENT)).isEqualTo("PT4H");
                    assertThat(policy.timeOf(Priority.NORMAL, Interval.RETRY_AFTER)).isEqualTo(TimeBasis.CALENDAR);
                    assertThat(policy.retryAfter(Priority.NORMAL)).isEqualTo("PT4H");
                    assertThat(policy.checkInCycle(Priority.NORMAL)).isEqualTo("R/business:P1D");
                    // Monday 10:00 in Berlin: one day later either way; three business days are Thursday 10:00.
                    assertThat(policy.callbackDueDate(Priority.NORMAL)).isEqualTo(Date.from(NOW.plus(Duration.ofDays(1))));
                    assertThat(policy.due(Priority.NORMAL, Interval.ESCALATE_AFTER, Instant.parse("2026-03-06T15:00:00Z")))
                            .as("Friday 16:00 plus three business days").isEqualTo(Instant.parse("2026-03-11T15:00:00Z"));
                    assertThat(policy.due(Priority.URGENT, Interval.ESCALATE_AFTER, Instant.parse("2026-03-06T15:00:00Z")))
                            .isEqualTo(Instant.parse("2026-03-06T19:00:00Z"));
                });
    }

    @Test
    void aHandOffToATeamWithItsOwnCalendar_escalatesOnThatCalendar() {
        context.run(started -> {
            CasePolicy policy = started.getBean(CasePolicy.class);
            assertThat(policy.escalateHandOffAfter(Priority.NORMAL, "accounting")).isEqualTo("business:accounting:P3D");
            assertThat(policy.escalateHandOffAfter(Priority.NORMAL, "billing")).isEqualTo("business:P3D");
            assertThat(policy.escalateHandOffAfter(Priority.NORMAL, "")).as("colleague: JUEL passes null as \"\"")
                    .isEqualTo("business:P3D");
            // Monday 10:00 in Berlin is 04:00 in New York: accounting's three business days end Thursday 09:00 there.
            assertThat(policy.handOffDueDate(Priority.NORMAL, "accounting"))
                    .isEqualTo(Date.from(Instant.parse("2026-03-05T14:00:00Z")));
            assertThat(policy.handOffDueDate(Priority.NORMAL, null)).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3))));
        });
    }

    @Test
    void describesIntervals_sayingWhetherTheyCountBusinessOrCalendarTime() {
        context.withPropertyValues("followthrough.policy.priorities.URGENT.time=calendar").run(started -> {
            CasePolicy policy = started.getBean(CasePolicy.class);
            assertThat(policy.describe(Priority.NORMAL, Interval.CHECK_IN_AFTER)).isEqualTo("1 business day");
            assertThat(policy.describe(Priority.NORMAL, Interval.ESCALATE_AFTER)).isEqualTo("3 business days");
            assertThat(policy.describe(Priority.NORMAL, Interval.RETRY_AFTER)).isEqualTo("4 working hours");
            assertThat(policy.describe(Priority.URGENT, Interval.ESCALATE_AFTER)).isEqualTo("4 hours");
        });
        assertThat(IntervalWords.describe(Duration.ofMinutes(26 * 60 + 30), TimeBasis.BUSINESS))
                .isEqualTo("1 business day and 2 working hours 30 minutes");
        assertThat(IntervalWords.describe(Duration.ofMinutes(45), TimeBasis.BUSINESS)).isEqualTo("45 working minutes");
        assertThat(IntervalWords.describe(Duration.ofDays(2), TimeBasis.CALENDAR)).isEqualTo("2 days");
        assertThat(IntervalWords.describe(Duration.ofMinutes(61), TimeBasis.CALENDAR)).isEqualTo("1 hour 1 minute");
        // intervals under a minute (the demo's) say their seconds, never "a reminder comes every no time"
        assertThat(IntervalWords.describe(Duration.ofSeconds(30), TimeBasis.CALENDAR)).isEqualTo("30 seconds");
        assertThat(IntervalWords.describe(Duration.ofSeconds(1), TimeBasis.BUSINESS)).isEqualTo("1 working second");
    }

    @Test
    void anUnknownTimeBasis_failsStartUp_namingTheSetting() {
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.time=office")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("followthrough.policy.priorities.normal.time"));
    }

    @Test
    void aMissingPriority_failsStartUp() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(PolicyConfiguration.class)
                .withPropertyValues(every("LOW")).withPropertyValues(every("NORMAL")).withPropertyValues(every("HIGH"))
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.policy")
                        .hasMessageContaining("must define intervals for every priority"));
    }

    @Test
    void aZeroInterval_failsStartUp_namingThePriority() {
        context.withPropertyValues("followthrough.policy.priorities.HIGH.retry-after=PT0S")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[HIGH].everyIntervalPositive")
                        .hasMessageContaining("every interval must be longer than zero"));
    }

    @Test
    void aLateEscalationBeforeTheCallbackIsDue_failsStartUp() {
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.callback-escalate-after=PT12H")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[NORMAL].callbackEscalationAfterDue"));
    }

    @Test
    void theNewIntervalsBind_andAnswerTheirTimersAndDueDates() {
        context.withPropertyValues("followthrough.policy.priorities.URGENT.time=calendar").run(started -> {
            assertThat(started).hasNotFailed();
            CasePolicy policy = started.getBean(CasePolicy.class);
            assertThat(policy.firstActionWithin(Priority.NORMAL)).isEqualTo("business:PT4H");
            assertThat(policy.firstActionEscalateAfter(Priority.URGENT)).isEqualTo("PT8H");
            assertThat(policy.verifyWithin(Priority.NORMAL)).isEqualTo("business:P1D");
            assertThat(policy.verifyEscalateAfter(Priority.NORMAL)).isEqualTo("business:P2D");
            assertThat(policy.reviewReminderCycle(Priority.NORMAL)).isEqualTo("R/business:PT4H");
            // Monday 10:00 in Berlin: four working hours later is 14:00; one business day is Tuesday 10:00.
            assertThat(policy.firstActionDueDate(Priority.NORMAL)).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4))));
            assertThat(policy.answerDueDate(Priority.NORMAL)).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4))));
            assertThat(policy.verifyDueDate(Priority.NORMAL)).isEqualTo(Date.from(NOW.plus(Duration.ofDays(1))));
            assertThat(policy.reviewDueDate(Priority.NORMAL)).isEqualTo(Date.from(NOW.plus(Duration.ofHours(4))));
            assertThat(policy.latestSnooze(Priority.NORMAL, NOW)).isEqualTo(NOW.plus(Duration.ofDays(2)));
            // Friday 16:00: the third check-in of a business-day rhythm is Wednesday 16:00, three business days on.
            assertThat(policy.checkInDue(Priority.NORMAL, Instant.parse("2026-03-06T15:00:00Z"), 3))
                    .isEqualTo(Instant.parse("2026-03-11T15:00:00Z"));
            assertThat(policy.describe(Priority.NORMAL, Interval.SNOOZE_MAX)).isEqualTo("2 business days");
        });
    }

    @Test
    void aFirstActionOrVerificationEscalationBeforeItsReminder_failsStartUp_namingTheSetting() {
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.first-action-escalate-after=PT2H")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[NORMAL].firstActionEscalationAfterDue"));
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.time-overrides.verify-within=calendar")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[NORMAL].verificationEscalationAfterDue"));
        context.withPropertyValues("followthrough.policy.priorities.LOW.snooze-max=PT0S")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[LOW].everyIntervalPositive"));
    }

    @Test
    void aCallbackAndItsEscalationCountingDifferentTime_failStartUp_namingTheSettings() {
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.time-overrides.callback-escalate-after=calendar")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[NORMAL].callbackEscalationCountedLikeTheCallback")
                        .hasMessageContaining("callback-within and callback-escalate-after must count the same time"));
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.time=calendar",
                        "followthrough.policy.priorities.NORMAL.time-overrides.callback-within=business")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[NORMAL].callbackEscalationCountedLikeTheCallback"));
    }

    @Test
    void inBusinessTime_aCallbackEscalationNeedsAsManyDaysAndAsManyHours_inCalendarTimeTheLongerDurationWins() {
        // With a lunch break 8 working hours outlast one business day: P1D would escalate before PT8H is due.
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.callback-within=PT8H",
                        "followthrough.policy.priorities.NORMAL.callback-escalate-after=P1D")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[NORMAL].callbackEscalationAfterDue"));
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.callback-within=PT8H",
                        "followthrough.policy.priorities.NORMAL.callback-escalate-after=P1DT8H")
                .run(started -> assertThat(started).hasNotFailed());
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.time=calendar",
                        "followthrough.policy.priorities.NORMAL.callback-within=PT8H",
                        "followthrough.policy.priorities.NORMAL.callback-escalate-after=P1D")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void describesAges_inTheTimeTheIntervalCounts_onTheTeamsCalendar() {
        context.withPropertyValues("followthrough.policy.priorities.URGENT.time=calendar").run(started -> {
            CasePolicy policy = started.getBean(CasePolicy.class);
            Instant friday = Instant.parse("2026-03-06T15:00:00Z"); // 16:00 in Berlin, 10:00 in New York
            Instant monday = Instant.parse("2026-03-09T15:00:00Z");
            assertThat(policy.describeElapsed(Priority.NORMAL, Interval.CHECK_IN_AFTER, friday, monday, null))
                    .isEqualTo("1 business day");
            assertThat(policy.describeElapsed(Priority.URGENT, Interval.CHECK_IN_AFTER, friday, monday, null))
                    .isEqualTo("3 days");
            assertThat(policy.describeElapsed(Priority.NORMAL, Interval.ESCALATE_AFTER, friday,
                    Instant.parse("2026-03-09T09:00:00Z"), null)).as("Friday 16:00 to Monday 10:00 in Berlin")
                    .isEqualTo("2 working hours");
            assertThat(policy.describeElapsed(Priority.NORMAL, Interval.ESCALATE_AFTER, friday,
                    Instant.parse("2026-03-09T09:00:00Z"), "accounting")).as("Friday 10:00 to Monday 04:00 in New York")
                    .isEqualTo("7 working hours");
        });
        assertThat(IntervalWords.largestUnit(Duration.ofSeconds(5), TimeBasis.BUSINESS)).isEqualTo("1 working minute");
        assertThat(IntervalWords.largestUnit(Duration.ofDays(2).plusHours(5), TimeBasis.CALENDAR)).isEqualTo("2 days");
    }

    @Test
    void anUnparseableDuration_failsStartUp_namingTheSetting() {
        context.withPropertyValues("followthrough.policy.priorities.NORMAL.check-in-after=tomorrow")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("followthrough.policy.priorities.normal.check-in-after")
                        .hasStackTraceContaining("tomorrow"));
    }

    @Test
    void tooManyAttempts_failsStartUp() {
        context.withPropertyValues("followthrough.policy.priorities.URGENT.callback-attempts=0")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("priorities[URGENT].callbackAttempts"));
    }

    private static String[] every(String priority) {
        return priority(priority, "PT1H", "PT4H", "PT1H", "PT2H", "PT1H", "2");
    }

    private static String[] priority(String priority, String checkIn, String escalate, String callback,
            String callbackLate, String retry, String attempts) {
        String prefix = "followthrough.policy.priorities." + priority + ".";
        return new String[] {prefix + "check-in-after=" + checkIn, prefix + "escalate-after=" + escalate,
                prefix + "callback-within=" + callback, prefix + "callback-escalate-after=" + callbackLate,
                prefix + "retry-after=" + retry, prefix + "callback-attempts=" + attempts,
                prefix + "first-action-within=PT4H", prefix + "first-action-escalate-after=PT8H",
                prefix + "verify-within=P1D", prefix + "verify-escalate-after=P2D", prefix + "answer-within=PT4H",
                prefix + "review-within=PT4H", prefix + "snooze-max=P2D"};
    }
}
