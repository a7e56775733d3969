package com.followthrough.cases;

import java.time.Instant;
import java.util.Optional;

/**
 * The outreach's shared hand-off a case can join: one fix done once for every case of an outreach (accounting's one
 * bulk refund). Implemented by {@code outreach}, which keeps it; the case only asks whom it goes to and whether it is
 * done.
 */
public interface SharedHandOffs {

    /** The shared hand-off of the outreach the case belongs to, if it has one. */
    Optional<Shared> of(String caseNumber);

    /**
     * @param outreach   the outreach's key
     * @param team       the team that does the fix
     * @param note       what they do
     * @param resolvedBy who resolved it (null while open)
     * @param resolvedAt when (null while open)
     * @param resolution what was done (null while open)
     */
    record Shared(String outreach, String team, String note, String resolvedBy, Instant resolvedAt, String resolution) {

        public boolean isResolved() {
            return resolvedAt != null;
        }

        public HandOffTarget target() {
            return HandOffTarget.team(team);
        }
    }
}
