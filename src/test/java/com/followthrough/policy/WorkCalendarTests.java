package com.followthrough.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Business-time arithmetic: Europe/Berlin, Monday to Friday 09:00-17:00 unless a test says otherwise. */
class WorkCalendarTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Duration ONE_DAY = Duration.ofDays(1);

    private final WorkCalendar office = WorkCalendar.weekdays(BERLIN, "09:00", "17:00");

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Nested
    class BusinessDays {

        @Test
        void oneBusinessDay_isTheSameHourOnTheNextWorkingDay() {
            assertThat(office.plus(berlin("2026-03-03T11:30"), ONE_DAY)).isEqualTo(berlin("2026-03-04T11:30"));
        }

        @Test
        void fridayAfternoon_plusOneBusinessDay_isMondayAtTheSameHour() {
            assertThat(office.plus(berlin("2026-03-06T16:00"), ONE_DAY)).isEqualTo(berlin("2026-03-09T16:00"));
            assertThat(office.plus(berlin("2026-03-06T16:00"), Duration.ofDays(3))).isEqualTo(berlin("2026-03-11T16:00"));
        }

        @Test
        void aHolidayInBetween_movesItOneMoreDay() {
            WorkCalendar withEasterMonday = office.withHolidays(List.of(LocalDate.parse("2026-04-06")));
            assertThat(withEasterMonday.plus(berlin("2026-03-27T16:00"), ONE_DAY)).isEqualTo(berlin("2026-03-30T16:00"));
            assertThat(withEasterMonday.plus(berlin("2026-04-03T16:00"), ONE_DAY)).isEqualTo(berlin("2026-04-07T16:00"));
        }

        @Test
        void dstStartsInBetween_lastSundayOfMarch_keepsTheLocalHour_andOnlyTakes71Hours() {
            Instant friday = berlin("2026-03-27T16:00");
            Instant monday = office.plus(friday, ONE_DAY);
            assertThat(monday).isEqualTo(berlin("2026-03-30T16:00")).isEqualTo(Instant.parse("2026-03-30T14:00:00Z"));
            assertThat(Duration.between(friday, monday)).isEqualTo(Duration.ofHours(71));
        }

        @Test
        void dstEndsInBetween_lastSundayOfOctober_keepsTheLocalHour_andTakes73Hours() {
            Instant friday = berlin("2026-10-23T16:00");
            Instant monday = office.plus(friday, ONE_DAY);
            assertThat(monday).isEqualTo(berlin("2026-10-26T16:00")).isEqualTo(Instant.parse("2026-10-26T15:00:00Z"));
            assertThat(Duration.between(friday, monday)).isEqualTo(Duration.ofHours(73));
        }

        @Test
        void aStartOutsideWorkingHours_countsFromTheNextOpening() {
            assertThat(office.plus(berlin("2026-03-07T10:00"), ONE_DAY)).as("Saturday").isEqualTo(berlin("2026-03-10T09:00"));
            assertThat(office.plus(berlin("2026-03-03T07:15"), ONE_DAY)).as("early").isEqualTo(berlin("2026-03-04T09:00"));
            assertThat(office.plus(berlin("2026-03-06T17:00"), ONE_DAY)).as("at closing").isEqualTo(berlin("2026-03-10T09:00"));
        }

        @Test
        void aShorterNextDay_endsAtItsClosingTime_andABreakMovesToTheReopening() {
            Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
            week.put(DayOfWeek.THURSDAY, List.of(WorkingHours.of("09:00", "17:00")));
            week.put(DayOfWeek.FRIDAY, List.of(WorkingHours.of("09:00", "12:00"), WorkingHours.of("13:30", "15:00")));
            WorkCalendar calendar = new WorkCalendar(BERLIN, week, List.of());

            assertThat(calendar.plus(berlin("2026-03-05T16:00"), ONE_DAY)).isEqualTo(berlin("2026-03-06T15:00"));
            assertThat(calendar.plus(berlin("2026-03-05T12:30"), ONE_DAY)).isEqualTo(berlin("2026-03-06T13:30"));
            assertThat(calendar.plus(berlin("2026-03-05T10:00"), ONE_DAY)).isEqualTo(berlin("2026-03-06T10:00"));
        }
    }

    @Nested
    class WorkingTime {

        @Test
        void hoursCarryOverTheNight() {
            assertThat(office.plus(berlin("2026-03-03T16:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-03-04T10:00"));
        }

        @Test
        void aWholeWorkingDay_endsAtClosingTime_notAtTheNextOpening() {
            assertThat(office.plus(berlin("2026-03-03T09:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-03-03T17:00"));
        }

        @Test
        void hoursCarryOverTheWeekend_andHolidays() {
            assertThat(office.plus(berlin("2026-03-06T16:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-03-09T12:00"));
            WorkCalendar withMondayOff = office.withHolidays(List.of(LocalDate.parse("2026-03-09")));
            assertThat(withMondayOff.plus(berlin("2026-03-06T16:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-03-10T12:00"));
        }

        @Test
        void aStartOutsideWorkingHours_countsFromTheNextOpening() {
            assertThat(office.plus(berlin("2026-03-07T10:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-03-09T13:00"));
            assertThat(office.plus(berlin("2026-03-03T20:00"), Duration.ofMinutes(30))).isEqualTo(berlin("2026-03-04T09:30"));
        }

        @Test
        void lunchBreaksDoNotCount() {
            WorkCalendar withLunch = new WorkCalendar(BERLIN, Map.of(DayOfWeek.TUESDAY,
                    List.of(WorkingHours.of("13:00", "17:00"), WorkingHours.of("09:00", "12:00"))), List.of());
            assertThat(withLunch.plus(berlin("2026-03-03T11:00"), Duration.ofHours(2))).isEqualTo(berlin("2026-03-03T14:00"));
        }

        @Test
        void daysAndHours_areBusinessDaysThenWorkingHours() {
            assertThat(office.plus(berlin("2026-03-06T16:00"), Duration.ofHours(26))).isEqualTo(berlin("2026-03-10T10:00"));
        }

        @Test
        void aRoundTheClockCalendar_countsTheRealElapsedTimeAcrossDstChanges() {
            Map<DayOfWeek, List<WorkingHours>> always = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                always.put(day, List.of(WorkingHours.parse("00:00-24:00")));
            }
            WorkCalendar calendar = new WorkCalendar(BERLIN, always, List.of());

            Instant beforeSpringForward = berlin("2026-03-29T01:30");
            assertThat(calendar.plus(beforeSpringForward, Duration.ofHours(2))).isEqualTo(berlin("2026-03-29T04:30"))
                    .isEqualTo(beforeSpringForward.plus(Duration.ofHours(2)));
            Instant beforeFallBack = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST
            assertThat(calendar.plus(beforeFallBack, Duration.ofHours(2))).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
            assertThat(calendar.plus(berlin("2026-10-24T12:00"), ONE_DAY)).as("a day is a day, 25 hours long")
                    .isEqualTo(berlin("2026-10-25T12:00"));
            assertThat(calendar.workingTimeBetween(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofHours(25));
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void aZeroLengthInterval_isTheStartItself_evenOutsideWorkingHours() {
            Instant saturday = berlin("2026-03-07T10:00");
            assertThat(office.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
            assertThat(office.plusWorkingTime(saturday, Duration.ZERO)).isEqualTo(berlin("2026-03-09T09:00"));
        }

        @Test
        void calendarTime_isPlainElapsedTime() {
            Instant friday = berlin("2026-03-06T16:00");
            assertThat(office.plus(friday, Duration.ofHours(1), TimeBasis.CALENDAR)).isEqualTo(berlin("2026-03-06T17:00"));
            assertThat(office.plus(friday, ONE_DAY, TimeBasis.CALENDAR)).isEqualTo(berlin("2026-03-07T16:00"));
            assertThat(office.plus(friday, ONE_DAY, TimeBasis.BUSINESS)).isEqualTo(berlin("2026-03-09T16:00"));
        }

        @Test
        void aNegativeInterval_isRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> office.plus(Instant.EPOCH, Duration.ofHours(-1)));
        }

        @Test
        void aWeekWithoutWorkingTime_isAConfigurationError_notAnEndlessLoop() {
            assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(BERLIN, Map.of(), List.of()))
                    .withMessageContaining("no working hours on any day");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new WorkCalendar(BERLIN, Map.of(DayOfWeek.MONDAY, List.of()), List.of()))
                    .withMessageContaining("no working hours on any day");
        }

        @Test
        void overlappingHours_areRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> new WorkCalendar(BERLIN, Map.of(DayOfWeek.MONDAY,
                    List.of(WorkingHours.parse("09:00-12:00"), WorkingHours.parse("11:00-17:00"))), List.of()))
                    .withMessageContaining("MONDAY: 09:00-12:00 overlaps 11:00-17:00");
        }

        @Test
        void aLongRunOfHolidays_isSkipped_theScanIsBoundedByTheHolidaysItself() {
            WorkCalendar onlyMondays = new WorkCalendar(BERLIN, Map.of(DayOfWeek.MONDAY,
                    List.of(WorkingHours.parse("09:00-17:00"))), List.of(LocalDate.parse("2026-03-09")));
            assertThat(onlyMondays.plus(berlin("2026-03-06T16:00"), ONE_DAY)).isEqualTo(berlin("2026-03-23T09:00"));

            List<LocalDate> everyMonday = java.util.stream.Stream.iterate(LocalDate.parse("2026-03-02"), d -> d.plusWeeks(1))
                    .limit(60).toList();
            WorkCalendar sixtyMondaysOff = new WorkCalendar(BERLIN, Map.of(DayOfWeek.MONDAY,
                    List.of(WorkingHours.parse("09:00-17:00"))), everyMonday);
            assertThat(sixtyMondaysOff.plus(berlin("2026-03-06T16:00"), ONE_DAY)).isEqualTo(berlin("2027-05-03T09:00"));
        }

        @Test
        void badHours_areRefusedWithTheText() {
            assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse("17:00-09:00"))
                    .withMessageContaining("'17:00-09:00' must end after it starts");
            assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.parse("9 to 5"))
                    .withMessageContaining("is not a range of hours");
        }

        @Test
        void workingTimeBetween_countsOnlyOpenHours() {
            assertThat(office.workingTimeBetween(berlin("2026-03-06T16:00"), berlin("2026-03-09T10:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(office.isWorkingTime(berlin("2026-03-07T10:00"))).isFalse();
            assertThat(office.isWorkingTime(berlin("2026-03-06T10:00"))).isTrue();
        }

        @Test
        void businessTimeBetween_isWhatPlusAdds_wholeBusinessDaysThenWorkingTime() {
            // Friday 16:00 to Monday 16:00 is one business day, though 72 hours passed.
            assertThat(office.businessTimeBetween(berlin("2026-03-06T16:00"), berlin("2026-03-09T16:00")))
                    .isEqualTo(ONE_DAY);
            // ... to Tuesday 11:00: one business day and three working hours (16-17 on Monday, 9-11 on Tuesday).
            Duration age = office.businessTimeBetween(berlin("2026-03-06T16:00"), berlin("2026-03-10T11:00"));
            assertThat(age).isEqualTo(ONE_DAY.plusHours(3));
            assertThat(office.plus(berlin("2026-03-06T16:00"), age)).isEqualTo(berlin("2026-03-10T11:00"));
            // A weekend alone is no business time; a start on Saturday counts from Monday's opening.
            assertThat(office.businessTimeBetween(berlin("2026-03-07T10:00"), berlin("2026-03-08T20:00"))).isZero();
            assertThat(office.businessTimeBetween(berlin("2026-03-07T10:00"), berlin("2026-03-09T14:30")))
                    .isEqualTo(Duration.ofMinutes(330));
            assertThat(office.businessTimeBetween(berlin("2026-03-09T14:30"), berlin("2026-03-09T10:00"))).isZero();
        }

        @Test
        void businessTimeBetween_skipsHolidays() {
            WorkCalendar withHoliday = office.withHolidays(List.of(LocalDate.parse("2026-03-10")));
            assertThat(withHoliday.businessTimeBetween(berlin("2026-03-09T10:00"), berlin("2026-03-11T10:00")))
                    .isEqualTo(ONE_DAY);
            assertThat(office.businessTimeBetween(berlin("2026-03-09T10:00"), berlin("2026-03-11T10:00")))
                    .isEqualTo(Duration.ofDays(2));
        }
    }
}
