package com.followthrough.dashboard;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.TestPeople.PAUL;
import static com.followthrough.dashboard.Sql.utc;
import static com.followthrough.testing.Cases.aCallback;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.cases.CallbackOutcome;
import com.followthrough.cases.CaseHistoryRewritten;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.HandOffTarget;
import com.followthrough.dashboard.ActivityRollups.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The activity roll-up follows each step as it is written (the dashboard scenario compares it with the live counts on
 * a whole scenario), and a history rewritten after the fact is counted where it now stands once the rewrite is
 * published (the demo data moves cases back in time).
 */
@CaseIntegrationTest
class ActivityRollupsIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RolledUpActivity rolledUp;
    @Autowired
    LivePeriodCounts live;
    @Autowired
    Ages ages;
    @Autowired
    Clock clock;

    @Test
    void eachStepCountsOnItsDay_andARewrittenHistoryWhereItNowStands() {
        ZoneId zone = ages.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Period month = Period.of(30, today.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1000), zone);
        Map<Activity, Map<LocalDate, Long>> before = perDay(month);

        CaseRecord kase = cases.open(anOpenCase().withSummary("Charged twice").build(), ALICE);
        cases.handOff(kase.number(), ALICE, HandOffTarget.team("billing"), null);
        cases.resolveHandOff(kase.number(), PAUL, "Refunded");
        cases.verify(kase.number(), ALICE, true, null);
        cases.recordCallback(kase.number(), ALICE, aCallback(CallbackOutcome.CONFIRMED).saying("thanks").rated(4)
                .build());

        Map<Activity, Map<LocalDate, Long>> after = perDay(month);
        assertThat(added(before, after, today)).containsExactly(Map.entry(Activity.OPENED, 1L),
                Map.entry(Activity.HAND_OFFS_ENDED, 1L), Map.entry(Activity.RATINGS, 1L),
                Map.entry(Activity.RATING_POINTS, 4L));

        Duration back = Duration.ofDays(10);
        for (String[] moved : List.of(new String[] {"ft_case", "id", "opened_at"},
                new String[] {"ft_hand_off", "case_id", "ended_at"}, new String[] {"ft_callback", "case_id", "called_at"})) {
            jdbc.sql("update %s set %s = ? where %s = ?".formatted(moved[0], moved[2], moved[1]))
                    .params(utc(at(moved, kase.id()).minus(back)), kase.id()).update();
        }
        assertThat(perDay(month)).as("nothing recounts before the rewrite is published").isEqualTo(after);

        events.publishEvent(new CaseHistoryRewritten(kase.id(), kase.number()));

        assertThat(rolledUp.openedPerDay(month)).isEqualTo(live.openedPerDay(month, Scope.ALL));
        assertThat(rolledUp.ratings(month)).isEqualTo(live.ratings(month, Scope.ALL));
        assertThat(rolledUp.handOffsEnded(month)).isEqualTo(live.handOffsEnded(month, Scope.ALL));
        assertThat(perDay(month).get(Activity.RATING_POINTS).get(today.minusDays(10))).isGreaterThanOrEqualTo(4);
    }

    private Map<Activity, Map<LocalDate, Long>> perDay(Period period) {
        return rolledUp.perDay(period, Activity.values());
    }

    /** What {@code after} holds more than {@code before} on the day, per figure, in the figures' order. */
    private static List<Map.Entry<Activity, Long>> added(Map<Activity, Map<LocalDate, Long>> before,
            Map<Activity, Map<LocalDate, Long>> after, LocalDate day) {
        return List.of(Activity.values()).stream()
                .map(figure -> Map.entry(figure, after.getOrDefault(figure, Map.of()).getOrDefault(day, 0L)
                        - before.getOrDefault(figure, Map.of()).getOrDefault(day, 0L)))
                .filter(entry -> entry.getValue() != 0).toList();
    }

    private Instant at(String[] moved, long caseId) {
        return jdbc.sql("select max(%s) from %s where %s = ?".formatted(moved[2], moved[0], moved[1]))
                .param(caseId).query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }
}
