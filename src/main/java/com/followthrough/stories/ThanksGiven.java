package com.followthrough.stories;

import java.time.Instant;

/**
 * Someone thanked a colleague on a case: published in the transaction that records it, so the colleague's mail (written
 * to the outbox by notifications) commits with it, once. Carries what the mail says.
 *
 * @param storyShown whether the case has a story everyone may read (the mail then links to it, else to the case)
 */
public record ThanksGiven(long thanksId, String caseNumber, String from, String fromName, String to, String note,
        Instant givenAt, boolean storyShown) {
}
