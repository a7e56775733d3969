package com.followthrough.cases;

import jakarta.validation.constraints.AssertTrue;

/** Who a hand-off goes to: a named colleague or a team (group), never both. */
public record HandOffTarget(@Text(max = 64) String colleague, @Text(max = 64) String team) {

    public static HandOffTarget colleague(String userId) {
        return new HandOffTarget(userId, null);
    }

    public static HandOffTarget team(String groupId) {
        return new HandOffTarget(null, groupId);
    }

    @AssertTrue(message = "name exactly one of colleague or team")
    public boolean isExactlyOneNamed() {
        return isBlank(colleague) != isBlank(team);
    }

    public boolean isTeam() {
        return !isBlank(team);
    }

    /** For people: "paul" or "team accounting". */
    public String describe() {
        return isTeam() ? "team " + team : colleague;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
