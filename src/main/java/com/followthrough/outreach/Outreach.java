package com.followthrough.outreach;

import com.followthrough.policy.Priority;
import java.time.Instant;

/**
 * An outreach as it stands.
 *
 * @param key          its number, {@code OR-2026-0001}
 * @param team         the agents' team whose members own its cases
 * @param notice       every affected customer gets a written notice at launch, with their answer links
 * @param shared       its shared hand-off, or null when each case is fixed on its own
 * @param startedAllAt when the launch had started a case for every customer
 * @param pausedAt     when it was paused (null: not paused)
 */
public record Outreach(
        long id,
        String key,
        String title,
        String whatHappened,
        String whatWeDo,
        String message,
        String team,
        Priority priority,
        boolean notice,
        SharedHandOff shared,
        OutreachStatus status,
        String createdBy,
        Instant createdAt,
        String launchedBy,
        Instant launchedAt,
        Instant startedAllAt,
        Instant pausedAt,
        String withdrawnBy,
        Instant withdrawnAt,
        String withdrawReason,
        int customers,
        long version) {

    /** The one fix done once for every case: the team that does it, what they do, and once done who did it and when. */
    public record SharedHandOff(String team, String note, String resolution, String resolvedBy, Instant resolvedAt) {

        public boolean isResolved() {
            return resolvedAt != null;
        }
    }

    public boolean paused() {
        return pausedAt != null;
    }

    public boolean isDraft() {
        return status == OutreachStatus.DRAFT;
    }
}
