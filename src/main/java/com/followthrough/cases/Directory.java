package com.followthrough.cases;

import java.util.List;
import java.util.Optional;

/** Who exists: the users and teams people can hand a case to or make its owner, and how to reach them. */
public interface Directory {

    boolean isUser(String userId);

    /**
     * Whether the user may own cases: a member of the {@code agents} group. An owner follows a case through to the
     * callback; a team member or an administrator who is not an agent cannot.
     */
    boolean isAgent(String userId);

    /**
     * Whether the group is a team, one that can receive hand-offs: any group that is not a role. A role is one of the
     * groups {@code agents}, {@code supervisors}, {@code admins} and {@code camunda-admin}, or a group whose type is
     * {@code ROLE} or {@code SYSTEM}; give teams the type {@code TEAM}.
     */
    boolean isTeam(String groupId);

    /** The user as people see them, or empty when no such user exists. */
    Optional<Person> person(String userId);

    /** Every user's id, in order: whom a case can be handed off to. */
    List<String> users();

    /** The teams' ids (groups that are not roles), in order: where a case can be handed off. */
    List<String> teams();

    /** The ids of the team's (group's) members; empty for an unknown team. */
    List<String> membersOf(String groupId);

    /** The user's email address, or empty when the user is unknown or has none. */
    default Optional<String> emailOf(String userId) {
        return person(userId).map(Person::email).filter(email -> !email.isBlank());
    }

    /**
     * @param name  the first name (the id when none is recorded)
     * @param email null when none is recorded
     * @param teams the groups the user works in, roles (agents, supervisors, admins) left out
     */
    record Person(String id, String name, String email, List<String> teams) {

        /** For people: "Paul (accounting)". */
        public String describe() {
            return teams.isEmpty() ? name : name + " (" + String.join(", ", teams) + ")";
        }
    }
}
