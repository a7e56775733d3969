package com.followthrough.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.policy.BusinessCalendars;
import com.followthrough.policy.WorkCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine calendars the plugin registers, without an engine: business expressions and the standard ones. */
class BusinessCalendarPluginTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private BusinessCalendarManager calendars;

    @BeforeEach
    void registerCalendars() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        new BusinessCalendarPlugin(new BusinessCalendars(WorkCalendar.weekdays(BERLIN, "09:00", "17:00"),
                Map.of("accounting", WorkCalendar.weekdays(NEW_YORK, "09:00", "17:00"))))
                .preInit(configuration);
        calendars = configuration.getBusinessCalendarManager();
        ClockUtil.setCurrentTime(Date.from(berlin("2026-03-06T16:00")));  // Friday
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCycleCalendarStaysACycleBusinessCalendar_theEngineCastsToIt() {
        assertThat(calendars.getBusinessCalendar("cycle")).isInstanceOf(CycleBusinessCalendar.class);
    }

    @Test
    void aBusinessCycle_firstFallsDueOneBusinessDayLater_thenEveryBusinessDayAtTheStartsHour() {
        CycleBusinessCalendar cycle = (CycleBusinessCalendar) calendars.getBusinessCalendar("cycle");
        assertThat(cycle.resolveDuedate("R/business:P1D")).isEqualTo(date("2026-03-09T16:00"));

        // As the engine stores it: the start in the JVM's local time, no offset.
        String stored = "R/" + LocalDateTime.ofInstant(berlin("2026-03-06T16:00"), ZoneId.systemDefault())
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "/business:P1D";
        ClockUtil.setCurrentTime(Date.from(berlin("2026-03-09T16:00:01")));
        assertThat(cycle.resolveDuedate(stored, null, 0)).isEqualTo(date("2026-03-10T16:00"));
        ClockUtil.setCurrentTime(Date.from(berlin("2026-03-13T16:00:01")));
        assertThat(cycle.resolveDuedate(stored, null, 0)).isEqualTo(date("2026-03-16T16:00"));
        assertThat(cycle.resolveDuedate(stored.replace("R/", "R3/"), null, 0)).as("only three repetitions").isNull();
    }

    @Test
    void aTeamsCycleAndDuration_countOnTheTeamsCalendar() {
        // Friday 16:00 in Berlin is 10:00 in New York; Monday 10:00 there is 15:00 in Berlin (US summer time).
        assertThat(calendars.getBusinessCalendar("cycle").resolveDuedate("R/business:accounting:P1D"))
                .isEqualTo(Date.from(Instant.parse("2026-03-09T14:00:00Z")));
        assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("business:accounting:PT8H"))
                .isEqualTo(Date.from(Instant.parse("2026-03-09T14:00:00Z")));
        assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("business:gone:PT2H"))
                .as("a team whose calendar was removed: the deployment's").isEqualTo(date("2026-03-09T10:00"));
    }

    @Test
    void everythingElse_isResolvedByTheStandardCalendars() {
        BusinessCalendar duration = calendars.getBusinessCalendar("duration");
        BusinessCalendar dueDate = calendars.getBusinessCalendar("dueDate");
        CycleBusinessCalendar cycle = (CycleBusinessCalendar) calendars.getBusinessCalendar("cycle");

        assertThat(duration.resolveDuedate("PT1H")).isEqualTo(date("2026-03-06T17:00"));
        assertThat(dueDate.resolveDuedate("P1D")).isEqualTo(date("2026-03-07T16:00"));
        assertThat(dueDate.resolveDuedate("business:P1D")).isEqualTo(date("2026-03-09T16:00"));
        assertThat(cycle.resolveDuedate("R/PT1H")).isEqualTo(date("2026-03-06T17:00"));
        assertThat(cycle.resolveDuedate("0 0 9 ? * MON-FRI")).as("cron, in the JVM's zone").isAfter(date("2026-03-06T16:00"));
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Date date(String berlinLocal) {
        return Date.from(berlin(berlinLocal));
    }
}
