package com.followthrough.dashboard;

import com.followthrough.policy.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which cases a figure counts: all, or those of one owner, of one priority, and/or handed off to one team (at any
 * time: a case the team worked on stays "theirs" in the trends after the hand-off ended). Null means no filter.
 */
public record Scope(String team, String owner, Priority priority) {

    public static final Scope ALL = new Scope(null, null, null);

    /** The same scope for one owner's cases. */
    Scope withOwner(String owner) {
        return new Scope(team, owner, priority);
    }

    /** No filter: every case counts. */
    boolean isAll() {
        return team == null && owner == null && priority == null;
    }

    /**
     * The case table joined to a table of the case's facts ({@code ft_callback cb}, ...) for the scope's conditions on
     * alias {@code c}; nothing when every case counts, so an unfiltered figure reads only the facts' own index.
     */
    String joinCase(String caseIdColumn) {
        return isAll() ? "" : " join ft_case c on c.id = " + caseIdColumn;
    }

    /** Conditions on a table with {@code owner_id}, {@code priority} and a case id column (e.g. {@code c.id}). */
    String where(String alias, String caseIdColumn, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (owner != null) {
            conditions.add(alias + ".owner_id = :scopeOwner");
            params.put("scopeOwner", owner);
        }
        if (priority != null) {
            conditions.add(alias + ".priority = :scopePriority");
            params.put("scopePriority", priority.name());
        }
        if (team != null) {
            conditions.add("exists (select 1 from ft_hand_off st where st.case_id = " + caseIdColumn
                    + " and st.team_id = :scopeTeam)");
            params.put("scopeTeam", team);
        }
        return conditions.isEmpty() ? "" : " and " + String.join(" and ", conditions);
    }

    /** The scope as query parameters of a link ({@code &team=accounting}). */
    String query() {
        StringBuilder query = new StringBuilder();
        if (team != null) {
            query.append("&team=").append(Links.encode(team));
        }
        if (owner != null) {
            query.append("&owner=").append(Links.encode(owner));
        }
        if (priority != null) {
            query.append("&priority=").append(priority.name());
        }
        return query.toString();
    }
}
