package com.followthrough.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.CaseSummary;
import com.followthrough.cases.ClosedAs;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.followthrough.policy.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the dashboard answers: every figure carries the link to the list of cases behind it ({@code cases}). */
public final class Figures {

    private Figures() {
    }

    /** A count and the cases behind it. */
    public record Count(long value, String cases) {
    }

    /** {@code numerator / denominator}; {@code rate} is null when nothing was counted. */
    public record Rate(long numerator, long denominator, Double rate, String cases) {

        static Rate of(long numerator, long denominator, String cases) {
            return new Rate(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator, cases);
        }
    }

    /** Median and 90th percentile of durations in seconds (on the dashboard's age basis), with their wording. */
    public record Durations(long count, Long medianSeconds, Long p90Seconds, String median, String p90, String cases) {

        static Durations of(PeriodCounts.Percentiles percentiles, Function<Duration, String> wording, String cases) {
            if (percentiles.medianSeconds() == null) {
                return new Durations(0, null, null, null, null, cases);
            }
            return new Durations(percentiles.count(), percentiles.medianSeconds(), percentiles.p90Seconds(),
                    wording.apply(Duration.ofSeconds(percentiles.medianSeconds())),
                    wording.apply(Duration.ofSeconds(percentiles.p90Seconds())), cases);
        }
    }

    public record Stage(CaseStatus stage, String label, long value, String cases) {
    }

    public record OwnerLoad(String owner, long openCases, String oldestCase, Instant oldestOpenedAt,
            long oldestAgeSeconds, String oldestAge, String cases) {
    }

    public record TeamLoad(String team, long openHandOffs, String oldestCase, Instant oldestSince,
            long oldestAgeSeconds, String oldestAge, String cases) {
    }

    public record AgeBucket(String bucket, String label, long value, String cases) {
    }

    /**
     * The "now" figures: the breakdowns, and each figure with a tile ({@link OpenFigure#tile}) as a {@link Count}
     * under its tile's name: {@code openCases}, {@code overdueCheckIns}, {@code lateCallbacks},
     * {@code openEscalations}.
     *
     * @param counts the figures with a tile or a gauge
     */
    public record Now(Instant at, String ageBasis, String ageBasisLabel, @JsonIgnore Map<OpenFigure, Count> counts,
            List<Stage> stages, List<OwnerLoad> owners, List<TeamLoad> teams, List<AgeBucket> aging) {

        @JsonAnyGetter
        public Map<String, Count> figures() {
            Map<String, Count> figures = new LinkedHashMap<>();
            counts.forEach((figure, count) -> {
                if (figure.tile() != null) {
                    figures.put(figure.tile(), count);
                }
            });
            return figures;
        }

        public Count count(OpenFigure figure) {
            return counts.get(figure);
        }
    }

    public record TeamCount(String team, long value, String cases) {
    }

    public record Satisfaction(long ratings, Double average, String cases) {
    }

    public record CheckIns(long handOffs, long checkIns, Double perHandOff, String cases) {
    }

    public record Trends(int period, Instant from, Instant to, String ageBasis, String ageBasisLabel,
            List<LocalDate> days, List<Long> openedPerDay, List<Long> closedPerDay, Count opened, Count closed,
            Durations timeToResolution, Durations resolutionToCallback, Rate firstContactResolutionRate,
            Rate callbackConfirmationRate, Rate reopenRate, Rate unreachableRate, Satisfaction satisfaction,
            CheckIns checkInsPerHandOff, List<TeamCount> escalationsPerTeam, List<TeamCount> brokenPromisesPerTeam) {
    }

    public record Agent(String agent, Count openCases, Count overdueItems, Count closed, Durations timeToClose,
            Rate confirmationRate) {
    }

    public record Agents(int period, Instant from, Instant to, String ageBasis, List<Agent> agents) {
    }

    public record Operations(long mailPending, long mailFailed, Instant oldestPendingMailSince, long engineIncidents,
            String cockpit, FollowThrough followThrough) {
    }

    /**
     * The follow-through auditor's reported findings: how many (per kind), the newest listed with their case pages.
     *
     * @param lastRunAt null before its first run
     */
    public record FollowThrough(Instant lastRunAt, long findings, Map<String, Long> byKind,
            List<FollowThroughFinding> items) {
    }

    /** @param caseNumber and {@code link} null when the finding has no case */
    public record FollowThroughFinding(String kind, String label, String subject, String caseNumber, String link,
            String detail, Instant firstSeenAt) {
    }

    /**
     * One case of a list behind a figure: the case as every case list shows it ({@link CaseSummary}: the same columns
     * and reading as {@code /api/cases} and My work), when it closed, and its age ({@code ageSeconds} since it was
     * opened, or until it closed). Its JSON has the summary's fields but those of a person's lists (when it changed,
     * overdue for the owner, the customer's window).
     */
    public record CaseLine(
            @JsonUnwrapped @JsonIgnoreProperties({"updatedAt", "overdue", "callbackWindow"}) CaseSummary kase,
            Instant closedAt, long ageSeconds, String age) {

        /** A line from its values (tests, and lists made without a query). */
        public CaseLine(String number, String customerName, Priority priority, String summary, String owner,
                CaseStatus status, String handedOffTo, Instant openedAt, Instant statusSince, Instant followUpDue,
                ClosedAs closedAs, Instant closedAt, long ageSeconds, String age) {
            this(new CaseSummary(number, customerName, priority, summary, owner, status, closedAs, openedAt,
                    statusSince, null, followUpDue, handedOffTo, false, null), closedAt, ageSeconds, age);
        }

        // What the page and the CSV read of the summary, by the names they always had.

        public String number() {
            return kase.number();
        }

        public String customerName() {
            return kase.customerName();
        }

        public Priority priority() {
            return kase.priority();
        }

        public String summary() {
            return kase.summary();
        }

        public String owner() {
            return kase.owner();
        }

        public CaseStatus status() {
            return kase.status();
        }

        public String handedOffTo() {
            return kase.handedOffTo();
        }

        public Instant openedAt() {
            return kase.openedAt();
        }

        public Instant statusSince() {
            return kase.statusSince();
        }

        public Instant followUpDue() {
            return kase.followUpDue();
        }

        public ClosedAs closedAs() {
            return kase.closedAs();
        }
    }

    public record CaseList(String figure, String description, String ageBasis, List<CaseLine> items, int page,
            int size, long totalItems, long totalPages) {
    }
}
