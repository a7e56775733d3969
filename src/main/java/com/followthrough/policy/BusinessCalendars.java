package com.followthrough.policy;

import java.util.Map;

/**
 * The deployment's business calendar and the teams' own ({@code followthrough.calendar.teams.<team>}). A team
 * without its own calendar works on the deployment's.
 */
public final class BusinessCalendars {

    private final WorkCalendar standard;
    private final Map<String, WorkCalendar> teams;

    public BusinessCalendars(WorkCalendar standard, Map<String, WorkCalendar> teams) {
        this.standard = standard;
        this.teams = Map.copyOf(teams);
    }

    /** The deployment's calendar: owners' reminders, callbacks, and teams without their own. */
    public WorkCalendar standard() {
        return standard;
    }

    /** The team's calendar, or the deployment's when the team has none (or no team is given). */
    public WorkCalendar forTeam(String team) {
        return team == null || team.isBlank() ? standard : teams.getOrDefault(team, standard);
    }

    public boolean hasOwnCalendar(String team) {
        return team != null && teams.containsKey(team);
    }
}
