package com.followthrough.tasks;

import java.util.List;

/**
 * A team's task was claimed or given back: the team's queue changed, though the case's timeline did not. Published by
 * the {@link TaskList} inside the transaction of the change, so what listeners write commits with it.
 *
 * @param teams the teams the task is offered to
 * @param actor who claimed or gave it back
 */
public record TaskClaimChanged(String caseNumber, List<String> teams, String actor) {
}
