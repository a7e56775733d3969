package com.followthrough.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A reassignment's timeline entry names the owner it took the case from; no other entry names anyone. */
class PreviousOwnerTests {

    @Test
    void aReassignmentNamesTheOwnerItTookTheCaseFrom() {
        assertThat(LiveChanges.previousOwner("OWNER_REASSIGNED", "alice → bob: on leave")).isEqualTo("alice");
        assertThat(LiveChanges.previousOwner("OWNER_REASSIGNED", "alice → bob")).isEqualTo("alice");
    }

    @Test
    void anythingElseNamesNobody() {
        assertThat(LiveChanges.previousOwner("HANDED_OFF", "alice → bob")).isNull();
        assertThat(LiveChanges.previousOwner("OWNER_REASSIGNED", null)).isNull();
        assertThat(LiveChanges.previousOwner("OWNER_REASSIGNED", "no arrow here")).isNull();
        assertThat(LiveChanges.previousOwner("OWNER_REASSIGNED", " → bob")).isNull();
    }
}
