package com.followthrough.dashboard;

import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.Directory;
import com.followthrough.dashboard.ListRequest.Refinement;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the query parameters every dashboard endpoint shares, and who may ask: supervisors and
 * administrators only. A parameter that cannot be answered is an {@link InvalidParameterException} naming it.
 */
@Component
class DashboardRequests {

    static final int MAX_PAGE_SIZE = 500;

    private final Directory directory;

    DashboardRequests(Directory directory) {
        this.directory = directory;
    }

    static boolean allowed(Caller caller) {
        return caller != null && (caller.isSupervisor() || caller.isAdmin());
    }

    static void requireAllowed(Caller caller) {
        if (!allowed(caller)) {
            throw new AccessDeniedException("The dashboard is for supervisors and administrators");
        }
    }

    Scope scope(String team, String owner, String priority) {
        String t = blankToNull(team);
        if (t != null && !directory.isTeam(t)) {
            throw new InvalidParameterException("team", noTeam(t));
        }
        String o = blankToNull(owner);
        if (o != null && !directory.isUser(o)) {
            throw new InvalidParameterException("owner", "no user '" + o + "' exists");
        }
        return new Scope(t, o, priority("priority", priority));
    }

    static int period(String period) {
        String p = blankToNull(period);
        if (p == null) {
            return 30;
        }
        try {
            int days = Integer.parseInt(p);
            if (Period.DAYS.contains(days)) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidParameterException("period", "must be 7, 30 or 90 (days)");
    }

    /**
     * The list behind a figure, from the request's parameters ({@code figure}, the scope's, {@code period} and the
     * refinements: {@code stage}, {@code bucket}, {@code handedOffTo}, {@code day}, {@code closedAs},
     * {@code escalatedTeam}, {@code promiseTeam}) and the page asked for.
     */
    ListRequest list(Map<String, String> params, String page, String size) {
        String f = blankToNull(params.get("figure"));
        if (f == null) {
            throw new InvalidParameterException("figure", "is required: one of " + Figure.ids());
        }
        Figure figure = Figure.byId(f)
                .orElseThrow(() -> new InvalidParameterException("figure", "must be one of " + Figure.ids()));
        Scope scope = scope(params.get("team"), params.get("owner"), params.get("priority"));
        int days = period(params.get("period"));
        return new ListRequest(figure, scope, days, refinement(params),
                number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                number("size", size, 50, 1, MAX_PAGE_SIZE));
    }

    private Refinement refinement(Map<String, String> params) {
        CaseStatus s = enumValue("stage", params.get("stage"), CaseStatus.class);
        if (s == CaseStatus.CLOSED) {
            throw new InvalidParameterException("stage", "must be an open stage: " + OpenFigure.STAGES);
        }
        Ages.Bucket b = enumValue("bucket", params.get("bucket"), Ages.Bucket.class);
        String h = blankToNull(params.get("handedOffTo"));
        if (h != null && !directory.isTeam(h)) {
            throw new InvalidParameterException("handedOffTo", noTeam(h));
        }
        String day = blankToNull(params.get("day"));
        LocalDate d = null;
        if (day != null) {
            try {
                d = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException("day", "must be a date yyyy-MM-dd");
            }
        }
        List<ClosedAs> as = new ArrayList<>();
        if (blankToNull(params.get("closedAs")) != null) {
            for (String one : params.get("closedAs").split(",")) {
                as.add(enumValue("closedAs", one, ClosedAs.class));
            }
        }
        String e = blankToNull(params.get("escalatedTeam"));
        if (e != null && !e.equals(Wording.COLLEAGUES) && OwnerEscalation.byRow(e).isEmpty() && !directory.isTeam(e)) {
            throw new InvalidParameterException("escalatedTeam", noTeam(e));
        }
        String p = blankToNull(params.get("promiseTeam"));
        if (p != null && !p.equals(Wording.COLLEAGUES) && !directory.isTeam(p)) {
            throw new InvalidParameterException("promiseTeam", noTeam(p));
        }
        return new Refinement(s, b, h, d, as, e, p);
    }

    /** Teams are the groups hand-offs go to; roles (agents, supervisors, admins) are groups but not teams. */
    private static String noTeam(String name) {
        return "no team '" + name + "' exists (roles such as agents or supervisors are not teams)";
    }

    private static Priority priority(String name, String value) {
        return enumValue(name, value, Priority.class);
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        String v = blankToNull(value);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidParameterException(name, "must be a whole number from " + min + " to " + max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
