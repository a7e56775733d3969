package com.followthrough.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code followthrough.calendar} binds into a {@link WorkCalendar}; bad settings fail start-up naming the setting. */
class CalendarPropertiesTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(CalendarTestConfiguration.class)
            .withPropertyValues("followthrough.calendar.zone=Europe/Berlin",
                    "followthrough.calendar.hours.monday=08:00-12:00, 13:00-17:00",
                    "followthrough.calendar.hours.tuesday=09:00-17:00",
                    "followthrough.calendar.hours.friday=09:00-13:00");

    @Configuration
    @EnableConfigurationProperties(CalendarProperties.class)
    @Import(CalendarConfiguration.class)
    static class CalendarTestConfiguration {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void bindsZone_hoursPerWeekday_holidays_andTheIcsFile() {
        context.withPropertyValues("followthrough.calendar.holidays=2026-05-25, 2026-10-03",
                        "followthrough.calendar.holidays-file=classpath:calendar/holidays.ics")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    WorkCalendar calendar = started.getBean(WorkCalendar.class);
                    assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(calendar.week()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.FRIDAY);
                    assertThat(calendar.week().get(DayOfWeek.MONDAY)).extracting(WorkingHours::toString)
                            .containsExactly("08:00-12:00", "13:00-17:00");
                    assertThat(calendar.holidays()).contains(LocalDate.parse("2026-05-25"), LocalDate.parse("2026-10-03"),
                            LocalDate.parse("2026-04-06"), LocalDate.parse("2030-12-25"));
                    ReaderTime readerTime = started.getBean(ReaderTime.class);
                    assertThat(readerTime.zoneOf("alice")).isEqualTo(ZoneId.of("Europe/Berlin"));
                });
    }

    @Test
    void aUserZoneHook_givesReadersTheirOwnZone() {
        context.withBean(ReaderTime.UserZones.class, () -> user -> user.equals("alice")
                        ? Optional.of(ZoneId.of("America/New_York")) : Optional.empty())
                .run(started -> {
                    ReaderTime readerTime = started.getBean(ReaderTime.class);
                    assertThat(readerTime.zoneOf("alice")).isEqualTo(ZoneId.of("America/New_York"));
                    assertThat(readerTime.zoneOf("bob")).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(readerTime.forUser(NOW, "alice").getHour()).isEqualTo(4);
                });
    }

    @Test
    void aTeamsOwnCalendar_inheritsWhatItDoesNotSet() {
        context.withPropertyValues("followthrough.calendar.holidays=2026-05-25",
                        "followthrough.calendar.teams.accounting.zone=America/New_York",
                        "followthrough.calendar.teams.support.hours.saturday=10:00-14:00",
                        "followthrough.calendar.teams.support.holidays=2026-07-04")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    BusinessCalendars calendars = started.getBean(BusinessCalendars.class);
                    assertThat(calendars.forTeam("accounting").zone()).isEqualTo(ZoneId.of("America/New_York"));
                    assertThat(calendars.forTeam("accounting").week()).isEqualTo(calendars.standard().week());
                    assertThat(calendars.forTeam("accounting").holidays()).containsExactly(LocalDate.parse("2026-05-25"));
                    assertThat(calendars.forTeam("support").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(calendars.forTeam("support").week()).containsOnlyKeys(DayOfWeek.SATURDAY);
                    assertThat(calendars.forTeam("support").holidays()).containsExactly(LocalDate.parse("2026-07-04"));
                    assertThat(calendars.forTeam("billing")).isSameAs(calendars.standard());
                    assertThat(started.getBean(WorkCalendar.class)).isSameAs(calendars.standard());
                });
    }

    @Test
    void aTeamsBadHours_failStartUp_namingTheTeamsSetting() {
        context.withPropertyValues("followthrough.calendar.teams.accounting.hours.monday=09:00-12:00, 10:00-11:00")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.teams.accounting.hours.monday")
                        .hasMessageContaining("hours overlap"));
        context.withPropertyValues("followthrough.calendar.teams.accounting.zone=Mars/Olympus_Mons")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("followthrough.calendar.teams.accounting.zone"));
    }

    @Test
    void anUnknownZone_failsStartUp_namingTheSetting() {
        context.withPropertyValues("followthrough.calendar.zone=Europe/Atlantis")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("followthrough.calendar.zone")
                        .hasStackTraceContaining("Europe/Atlantis"));
    }

    @Test
    void aMissingZone_failsStartUp_namingTheSetting() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(CalendarTestConfiguration.class)
                .withPropertyValues("followthrough.calendar.hours.monday=09:00-17:00")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("followthrough.calendar")
                        .hasStackTraceContaining("zone"));
    }

    @Test
    void overlappingHours_failStartUp_namingTheDay() {
        context.withPropertyValues("followthrough.calendar.hours.monday=09:00-12:00, 11:00-17:00")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.hours.monday")
                        .hasMessageContaining("hours overlap: 09:00-12:00 and 11:00-17:00"));
    }

    @Test
    void unreadableHours_orAnUnknownDay_failStartUp_namingTheSetting() {
        context.withPropertyValues("followthrough.calendar.hours.tuesday=9 to 5")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.hours.tuesday")
                        .hasMessageContaining("'9 to 5' is not a range of hours"));
        context.withPropertyValues("followthrough.calendar.hours.funday=09:00-17:00")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.hours.funday")
                        .hasMessageContaining("not a day of the week"));
    }

    @Test
    void noWorkingTimeAtAll_failsStartUp() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(CalendarTestConfiguration.class)
                .withPropertyValues("followthrough.calendar.zone=UTC", "followthrough.calendar.hours.sunday=")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.hours")
                        .hasMessageContaining("no working hours on any day"));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(CalendarTestConfiguration.class)
                .withPropertyValues("followthrough.calendar.zone=UTC")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("followthrough.calendar")
                        .hasStackTraceContaining("hours"));
    }

    @Test
    void aHolidayThatIsNotADate_failsStartUp_namingTheEntry() {
        context.withPropertyValues("followthrough.calendar.holidays=2026-12-24, 24.12.2026")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.holidays[1]")
                        .hasMessageContaining("'24.12.2026' is not a date"));
    }

    @Test
    void anUnparseableIcsFile_failsStartUp_namingTheSetting() {
        context.withPropertyValues("followthrough.calendar.holidays-file=classpath:calendar/not-a-calendar.ics")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.holidays-file")
                        .hasMessageContaining("not an iCalendar file"));
        context.withPropertyValues("followthrough.calendar.holidays-file=classpath:calendar/broken-event.ics")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.holidays-file")
                        .hasMessageContaining("no valid DTSTART"));
        context.withPropertyValues("followthrough.calendar.holidays-file=classpath:calendar/missing.ics")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("followthrough.calendar.holidays-file")
                        .hasMessageContaining("no file at 'classpath:calendar/missing.ics'"));
    }
}
