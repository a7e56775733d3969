package com.followthrough.cases;

/**
 * A case's recorded history was rewritten after it happened, outside the lifecycle: its times were moved. Today only
 * the demo data does this (it moves closed cases weeks back, so the dashboard's trends have something to show).
 * Whoever rewrites a case publishes this once the rewrite is written; a read model kept of the case computes it again
 * (the dashboard's closed-case facts). The lifecycle never publishes it: each of its steps has its own
 * {@link CaseEvents}.
 *
 * @param caseId the case's id
 * @param number the case number
 */
public record CaseHistoryRewritten(long caseId, String number) {
}
