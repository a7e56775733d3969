package com.followthrough.stories;

import java.time.Instant;

/** A thanks as people read it: who thanked whom on which case, and the note. Names as people read them. */
public record ThanksNote(long id, String caseNumber, String from, String fromName, String to, String toName,
        String note, Instant givenAt) {
}
