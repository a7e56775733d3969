package com.followthrough.stories;

import java.time.Instant;
import java.util.List;

/**
 * A story as people read it (pages, API, digest): only what the customer agreed to share and what the people did. No
 * customer name, no contact details, nothing else of the case.
 *
 * @param customerWords the customer's words at the confirming callback (null if the owner wrote none down)
 * @param before        what the customer could not do before, in the owner's words (null: not given)
 * @param after         what they can do now
 * @param featuredAt    when a supervisor featured it (null unless featured)
 * @param people        the owner first, then everyone who worked a hand-off on the case
 * @param thanks        the thanks given on the case, oldest first
 */
public record Story(String caseNumber, StoryState state, Instant closedAt, Instant featuredAt, String customerWords,
        Integer satisfaction, String before, String after, List<Person> people, Numbers numbers,
        List<ThanksNote> thanks) {

    /** @param role {@code owner} or {@code colleague}; {@code name} as people read it: "Paul (accounting)" */
    public record Person(String id, String name, String role) {
    }

    /**
     * @param callToConfirmedSeconds from the customer's call (the case's opening) to their confirmation, on the
     * stories'                               time basis ({@code followthrough.stories.time-basis})
     * @param callToConfirmed        the same in words: "13 h 20 min working time", "2 d 3 h"
     */
    public record Numbers(long callToConfirmedSeconds, String callToConfirmed, int handOffs, int checkIns,
            int callbackAttempts) {
    }

    public boolean isFeatured() {
        return state == StoryState.FEATURED;
    }

    public boolean isHidden() {
        return state == StoryState.HIDDEN;
    }

    public String owner() {
        return people.isEmpty() ? null : people.get(0).id();
    }
}
