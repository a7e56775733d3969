package com.followthrough.security;

import java.util.Set;

/**
 * The signed-in user: their id and their groups, as the engine's identity service has them. Roles are groups
 * ({@value #AGENTS}, {@value #SUPERVISORS}, {@value #ADMINS}); every other group is a team.
 */
public record Caller(String id, Set<String> groups) implements java.io.Serializable {

    public static final String AGENTS = "agents";
    public static final String SUPERVISORS = "supervisors";
    public static final String ADMINS = "admins";
    /** The group of the administrator that Camunda's {@code admin-user} setting creates. */
    public static final String CAMUNDA_ADMINS = "camunda-admin";

    public Caller {
        groups = Set.copyOf(groups);
    }

    public boolean isAgent() {
        return groups.contains(AGENTS);
    }

    public boolean isSupervisor() {
        return groups.contains(SUPERVISORS);
    }

    public boolean isAdmin() {
        return groups.contains(ADMINS) || groups.contains(CAMUNDA_ADMINS);
    }

    public boolean isMemberOf(String group) {
        return group != null && groups.contains(group);
    }

    @Override
    public String toString() {
        return id;
    }
}
