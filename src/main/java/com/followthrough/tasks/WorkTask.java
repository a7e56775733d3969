package com.followthrough.tasks;

import java.time.Instant;
import java.util.List;

/**
 * An open task of a case, as the engine holds it.
 *
 * @param assignee        who has it; null when it is offered to {@code candidateGroups} and nobody claimed it
 * @param candidateGroups the teams it is offered to
 */
public record WorkTask(
        String id,
        String name,
        TaskStep step,
        String caseNumber,
        String assignee,
        List<String> candidateGroups,
        Instant createdAt,
        Instant due,
        Instant followUp) {

    public boolean isOfferedToAnyOf(java.util.Collection<String> groups) {
        return candidateGroups.stream().anyMatch(groups::contains);
    }
}
