package com.followthrough.cases;

import java.time.Instant;

/**
 * Where the check-in reminders of a case's open hand-off stand, for lists and pages.
 *
 * @param nextDue when the next check-in reminder falls due (null before the process first set it)
 * @param promise the colleague's latest promise that still stands (pending or broken), or null
 * @param snooze  the owner's snooze, while its time has not come, or null
 */
public record CheckInState(String caseNumber, Instant nextDue, Promise promise, Snooze snooze) {
}
