package com.followthrough.live;

import com.followthrough.tasks.TaskClaimChanged;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a claimed or given-back team task into {@code ft_live_change}, in the transaction of the claim (a plain
 * listener: it runs inside it), so every node's {@link LiveChanges} sees it once it commits, and never if it does not.
 */
@Component
class ClaimAnnouncements {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClaimAnnouncements(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(TaskClaimChanged claim) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (claim.teams().isEmpty()) {
            insert(claim.caseNumber(), null, claim.actor(), now);
        }
        claim.teams().forEach(team -> insert(claim.caseNumber(), team, claim.actor(), now));
    }

    private void insert(String caseNumber, String team, String actor, OffsetDateTime at) {
        jdbc.update("insert into ft_live_change (case_number, team_id, actor_id, changed_at) values (?, ?, ?, ?)",
                caseNumber, team, actor, at);
    }
}
