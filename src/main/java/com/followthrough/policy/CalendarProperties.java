package com.followthrough.policy;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code followthrough.calendar}: the business calendar of this deployment. Read into a {@link WorkCalendar} at
 * start-up; a bad value (unknown zone, overlapping or unreadable hours, no working time at all, a holiday that is not
 * a date, an unreadable {@code .ics} file) fails start-up with the name of the setting.
 *
 * @param zone         time zone the hours and holidays are in, e.g. {@code Europe/Berlin}
 * @param hours        working hours per weekday ({@code monday} … {@code sunday}), one or more ranges like
 *                     {@code 09:00-12:00, 13:00-17:00}; a day not listed is not a working day
 * @param holidays     non-working dates, {@code 2026-12-25}
 * @param holidaysFile an iCalendar file of further holidays ({@code classpath:…} or {@code file:…}), optional
 * @param teams        a team's own calendar (a team in another office), by team id; optional
 */
@Validated
@ConfigurationProperties("followthrough.calendar")
public record CalendarProperties(
        @NotNull ZoneId zone,
        @NotEmpty Map<String, List<String>> hours,
        List<String> holidays,
        String holidaysFile,
        Map<String, TeamCalendar> teams) {

    public CalendarProperties {
        holidays = holidays == null ? List.of() : holidays;
        teams = teams == null ? Map.of() : teams;
    }

    /**
     * A team's own calendar. A setting left out is the deployment's; holidays are the team's own as soon as it lists
     * {@code holidays} or a {@code holidays-file}, else the deployment's.
     */
    public record TeamCalendar(ZoneId zone, Map<String, List<String>> hours, List<String> holidays,
            String holidaysFile) {
    }
}
