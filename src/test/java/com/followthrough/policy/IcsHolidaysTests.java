package com.followthrough.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holidays imported from a small iCalendar file written for this test ({@code calendar/holidays.ics}). */
class IcsHolidaysTests {

    @Test
    void readsAllDayEvents_multiDayEvents_durations_andYearlyRepeats() throws IOException {
        List<LocalDate> days = read("calendar/holidays.ics", 2028);

        assertThat(days).contains(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"),
                LocalDate.parse("2026-06-12"),
                LocalDate.parse("2025-12-25"), LocalDate.parse("2025-12-26"),
                LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"),
                LocalDate.parse("2028-12-25"), LocalDate.parse("2028-12-26"));
        assertThat(days).doesNotContain(LocalDate.parse("2026-04-04"), LocalDate.parse("2026-06-13"),
                LocalDate.parse("2025-12-27"), LocalDate.parse("2029-12-25"));
        assertThat(days).hasSize(3 + 2 * 4);
    }

    @Test
    void importedHolidays_moveBusinessTime() throws IOException {
        WorkCalendar calendar = WorkCalendar.weekdays(WorkCalendarTests.BERLIN, "09:00", "17:00")
                .withHolidays(read("calendar/holidays.ics", 2030));
        assertThat(calendar.plus(WorkCalendarTests.berlin("2026-04-02T16:00"), WorkCalendarTests.ONE_DAY))
                .as("Good Friday, the weekend and Easter Monday").isEqualTo(WorkCalendarTests.berlin("2026-04-07T16:00"));
    }

    @Test
    void plainText_isNotACalendar() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("calendar/not-a-calendar.ics", 2030))
                .withMessageContaining("not an iCalendar file");
    }

    @Test
    void anEventWithoutAValidStart_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("calendar/broken-event.ics", 2030))
                .withMessageContaining("'No real date' has no valid DTSTART");
    }

    private static List<LocalDate> read(String resource, int lastYear) throws IOException {
        try (InputStream in = IcsHolidaysTests.class.getClassLoader().getResourceAsStream(resource)) {
            return IcsHolidays.read(in, lastYear);
        }
    }
}
