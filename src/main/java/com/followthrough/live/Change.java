package com.followthrough.live;

import java.util.Set;

/**
 * Something changed on a case, and whom it concerns: its owner, everyone it was ever handed off to (people and teams,
 * the ones who may see it) and whoever made the change. Supervisors see every case.
 */
record Change(String caseNumber, Set<String> people, Set<String> teams) {
}
