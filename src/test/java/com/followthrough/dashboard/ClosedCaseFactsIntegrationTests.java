package com.followthrough.dashboard;

import static com.followthrough.TestPeople.ALICE;
import static com.followthrough.dashboard.Sql.utc;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.CaseIntegrationTest;
import com.followthrough.cases.CaseHistoryRewritten;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read model of closed cases follows a case whose history was rewritten after it closed (the demo data moves its
 * closed cases weeks back): it is computed again when {@link CaseHistoryRewritten} is published, and only then.
 */
@CaseIntegrationTest
class ClosedCaseFactsIntegrationTests {

    @Autowired
    CaseService cases;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedCaseMovedBackInTime_isComputedAgain_whenItsRewriteIsPublished() {
        CaseRecord kase = cases.open(anOpenCase().withSummary("Charged twice").build(), ALICE);
        cases.resolveOnFirstContact(kase.number(), ALICE, "Refunded on the call", null);
        Facts closed = facts(kase.id());
        Duration back = Duration.ofDays(10);
        Duration earlier = Duration.ofHours(5);
        jdbc.sql("update ft_case set opened_at = ?, closed_at = ? where id = ?")
                .params(utc(closed.openedAt().minus(back).minus(earlier)), utc(closed.closedAt().minus(back)),
                        kase.id())
                .update();

        assertThat(facts(kase.id())).as("nothing recomputes before the rewrite is published").isEqualTo(closed);

        events.publishEvent(new CaseHistoryRewritten(kase.id(), kase.number()));

        Facts rewritten = facts(kase.id());
        assertThat(rewritten.openedAt()).isEqualTo(closed.openedAt().minus(back).minus(earlier));
        assertThat(rewritten.closedAt()).isEqualTo(closed.closedAt().minus(back));
        assertThat(rewritten.toCloseCalendarSeconds())
                .isEqualTo(closed.toCloseCalendarSeconds() + earlier.toSeconds());
    }

    private record Facts(Instant openedAt, Instant closedAt, long toCloseCalendarSeconds) {
    }

    private Facts facts(long caseId) {
        return jdbc.sql("select opened_at, closed_at, to_close_calendar_s from ft_dashboard_closed where case_id = ?")
                .param(caseId)
                .query((rs, row) -> new Facts(rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("closed_at", OffsetDateTime.class).toInstant(), rs.getLong("to_close_calendar_s")))
                .single();
    }
}
