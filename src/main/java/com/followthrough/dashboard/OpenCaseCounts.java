package com.followthrough.dashboard;

import com.followthrough.cases.CaseStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the "now" figures are counted. Today {@link LiveOpenCaseCounts}: the database counts the open cases when asked,
 * by each {@link OpenFigure}'s own condition. Counters kept up to date by each step could answer the same questions
 * later; the figures, their tiles and their lists do not change with it.
 */
interface OpenCaseCounts {

    /** The open cases of one stage, owner and team of the open hand-off (null: none), and the earliest of them. */
    record Tally(CaseStatus stage, String owner, String team, long cases, Instant firstOpened,
            Instant firstHandedOff) {
    }

    /**
     * The open cases in scope: per stage, owner and team ({@link Tally}); each figure with a tile or a gauge; each
     * aging bucket.
     */
    record Counts(List<Tally> tallies, Map<OpenFigure, Long> figures, Map<Ages.Bucket, Long> aged) {

        /** The figure's count; {@link OpenFigure#OPEN} is every open case in scope. */
        long count(OpenFigure figure) {
            return figure == OpenFigure.OPEN ? tallies.stream().mapToLong(Tally::cases).sum()
                    : figures.getOrDefault(figure, 0L);
        }
    }

    /** An owner's open cases and, among them, those late from the owner's side ({@link OpenFigure#OVERDUE}). */
    record OwnerOpen(long cases, long overdue) {
    }

    /** The oldest open case of an owner or a team, and since when it is open or with the team. */
    record Oldest(String number, Instant since) {
    }

    /** Every open case in scope, counted (a few hundred tallies however many cases). */
    Counts counts(Scope scope, Instant now);

    /**
     * Per owner, the open cases in scope and the overdue ones: what per agent needs, without the stages, teams,
     * escalations and aging buckets of {@link #counts} (which cost most of a tally at 50,000 open cases).
     */
    Map<String, OwnerOpen> perOwner(Scope scope, Instant now);

    /** Per owner, the first case opened at the owner's earliest opening (by id when several opened then). */
    Map<String, Oldest> oldestPerOwner(Scope scope, Instant now, Map<String, Instant> earliestOpened);

    /** Per team, the first case handed off to it at its earliest open hand-off's start. */
    Map<String, Oldest> oldestPerTeam(Scope scope, Instant now, Map<String, Instant> earliestHandedOff);
}
