package com.followthrough.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a table by id when transactions commit out of order. */
class IdCursorTests {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void idsSkippedOverAreAskedForAgainUntilTheyTurnUp() {
        IdCursor cursor = new IdCursor(Duration.ofMinutes(2));
        cursor.startAfter(10);
        cursor.read(List.of(11L, 14L), NOW);
        assertThat(cursor.last()).isEqualTo(14);
        assertThat(cursor.gaps(NOW)).containsExactlyInAnyOrder(12L, 13L);

        cursor.read(List.of(13L), NOW.plusSeconds(1));
        assertThat(cursor.gaps(NOW.plusSeconds(1))).containsExactly(12L);
        assertThat(cursor.last()).as("a late id does not move the cursor back").isEqualTo(14);
    }

    @Test
    void aGapThatNeverFillsIsForgottenAndTheQueryNeverGetsAnEmptyList() {
        IdCursor cursor = new IdCursor(Duration.ofMinutes(2));
        cursor.startAfter(0);
        cursor.read(List.of(2L), NOW);
        assertThat(cursor.gaps(NOW.plus(Duration.ofMinutes(1)))).containsExactly(1L);
        assertThat(cursor.gaps(NOW.plus(Duration.ofMinutes(3)))).containsExactly(-1L);
    }

    @Test
    void aJumpOfASequenceCacheKeepsOnlyTheLastIdsAsGaps() {
        IdCursor cursor = new IdCursor(Duration.ofMinutes(2));
        cursor.startAfter(5);
        cursor.read(List.of(100_000L), NOW);
        assertThat(cursor.gaps(NOW)).hasSize(200).allMatch(id -> id >= 99_800 && id < 100_000);
    }
}
