package com.followthrough.dashboard;

import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.Directory;
import com.followthrough.policy.Priority;
import com.followthrough.security.Caller;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
            if (DashboardQueries.PERIODS.contains(days)) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidParameterException("period", "must be 7, 30 or 90 (days)");
    }

    DashboardQueries.ListRequest list(String figure, String team, String owner, String priority, String period,
            String stage, String bucket, String handedOffTo, String day, String closedAs, String escalatedTeam,
            String promiseTeam, String page, String size) {
        String f = blankToNull(figure);
        if (f == null) {
            throw new InvalidParameterException("figure", "is required: one of " + DashboardQueries.FIGURES.keySet());
        }
        if (!DashboardQueries.FIGURES.containsKey(f)) {
            throw new InvalidParameterException("figure", "must be one of " + DashboardQueries.FIGURES.keySet());
        }
        Scope scope = scope(team, owner, priority);
        int days = period(period);
        CaseStatus s = enumValue("stage", stage, CaseStatus.class);
        if (s == CaseStatus.CLOSED) {
            throw new InvalidParameterException("stage", "must be an open stage: " + DashboardQueries.OPEN);
        }
        Ages.Bucket b = enumValue("bucket", bucket, Ages.Bucket.class);
        String h = blankToNull(handedOffTo);
        if (h != null && !directory.isTeam(h)) {
            throw new InvalidParameterException("handedOffTo", noTeam(h));
        }
        LocalDate d = null;
        if (blankToNull(day) != null) {
            try {
                d = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException("day", "must be a date yyyy-MM-dd");
            }
        }
        List<ClosedAs> as = new ArrayList<>();
        if (blankToNull(closedAs) != null) {
            for (String one : closedAs.split(",")) {
                as.add(enumValue("closedAs", one, ClosedAs.class));
            }
        }
        String e = blankToNull(escalatedTeam);
        if (e != null && !e.equals(Wording.COLLEAGUES) && !Wording.OWNER_ESCALATIONS.containsKey(e)
                && !directory.isTeam(e)) {
            throw new InvalidParameterException("escalatedTeam", noTeam(e));
        }
        String p = blankToNull(promiseTeam);
        if (p != null && !p.equals(Wording.COLLEAGUES) && !directory.isTeam(p)) {
            throw new InvalidParameterException("promiseTeam", noTeam(p));
        }
        return new DashboardQueries.ListRequest(f, scope, days, s, b, h, d, as, e, p,
                number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                number("size", size, 50, 1, MAX_PAGE_SIZE));
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
