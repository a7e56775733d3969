package com.followthrough.dashboard;

import static com.followthrough.policy.TestReaders.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.cases.CaseStatus;
import com.followthrough.dashboard.Figures.CaseLine;
import com.followthrough.policy.Priority;
import com.followthrough.cases.ClosedAs;
import com.followthrough.policy.CsvWords;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What people typed reaches a spreadsheet as text, whichever separator the spreadsheet splits on. */
class CaseCsvTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Carla Customer | \"Carla Customer\"",
            "=1+1 | \"'=1+1\"",
            "-2+3 | \"'-2+3\"",
            "+49 30 1234567 | \"'+49 30 1234567\"",
            "@SUM(A1) | \"'@SUM(A1)\"",
            "x;=1+1 | \"x;'=1+1\"",
            "a,=1+1 | \"a,'=1+1\"",
            "a; =1+1 | \"a; '=1+1\"",
            "a;b;-1 | \"a;b;'-1\"",
            "say \"=1\" | \"say \"\"=1\"\"\"",
            "1-2 | \"1-2\""})
    void aTextCellIsQuotedAndEveryFormulaInItDefused(String typed, String cell) {
        assertThat(CaseCsv.text(typed)).isEqualTo(cell);
    }

    @Test
    void aTabOrLineBreakBeforeAFormulaIsDefusedToo() {
        assertThat(CaseCsv.text("\t=1+1")).isEqualTo("\"'\t=1+1\"");
        assertThat(CaseCsv.text("fine\n=1+1")).isEqualTo("\"fine\n'=1+1\"");
        assertThat(CaseCsv.text("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void everyTextCellOfARowIsQuotedAndNumbersAndMissingValuesAreNot() {
        Instant opened = Instant.parse("2026-06-15T09:00:00Z");
        String csv = CaseCsv.of(List.of(new CaseLine("FT-2026-000001", "x;=1+1", Priority.HIGH, "a,=1+1", "alice",
                CaseStatus.WITH_OWNER, null, opened, opened, null, null, null, 7200, "2 h 0 min")));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("number,customer,priority,summary,owner,status,handed_off_to,opened_at,"
                + "status_since,follow_up_due,closed_as,closed_at,age_seconds,age");
        assertThat(lines[1]).isEqualTo("\"FT-2026-000001\",\"x;'=1+1\",\"HIGH\",\"a,'=1+1\",\"alice\",\"WITH_OWNER\",,"
                + "\"2026-06-15T09:00:00Z\",\"2026-06-15T09:00:00Z\",,,,7200,\"2 h 0 min\"");
    }

    @Test
    void aPersonsDownloadSaysTheirWordsOnTheirClockAndStillDefusesFormulas() {
        Instant opened = Instant.parse("2026-12-01T10:00:00Z");
        Instant closed = Instant.parse("2026-12-03T16:30:00Z");
        List<CaseLine> lines = List.of(new CaseLine("FT-2026-000001", "x;=1+1", Priority.HIGH, "a,=1+1", "alice",
                CaseStatus.HANDED_OFF, "team accounting", opened, opened, null, null, null, 7200, "2 h 0 min"),
                new CaseLine("FT-2026-000002", "Bea", Priority.URGENT, "-5", "bob", CaseStatus.CLOSED, null, opened,
                        closed, null, ClosedAs.CONFIRMED_BY_CALLBACK, closed, 196200, "2 d 6 h"));

        String[] english = CaseCsv.worded(lines, reading(Locale.ENGLISH, "America/New_York")).split("\r\n");
        assertThat(english[0]).isEqualTo(CsvWords.BOM + "\"Case\",\"Customer\",\"Priority\",\"Summary\","
                + "\"Owner\",\"Status\",\"Handed off to\",\"Opened (America/New_York)\","
                + "\"Status since (America/New_York)\",\"Follow-up due (America/New_York)\",\"Closed as\","
                + "\"Closed (America/New_York)\",\"Age (seconds)\",\"Age\"");
        assertThat(english[1]).isEqualTo("\"FT-2026-000001\",\"x;'=1+1\",\"High\",\"a,'=1+1\",\"alice\","
                + "\"Handed off\",\"team accounting\",\"2026-12-01 05:00\",\"2026-12-01 05:00\",,,,7200,"
                + "\"2 h 0 min\"");
        assertThat(english[2]).isEqualTo("\"FT-2026-000002\",\"Bea\",\"Urgent\",\"'-5\",\"bob\",\"Closed\",,"
                + "\"2026-12-01 05:00\",\"2026-12-03 11:30\",,\"Confirmed by callback\",\"2026-12-03 11:30\","
                + "196200,\"2 d 6 h\"");

        String[] german = CaseCsv.worded(lines, reading(Locale.GERMAN, "Europe/Berlin")).split("\r\n");
        assertThat(german[0]).startsWith(CsvWords.BOM + "\"Fall\",\"Kunde\",\"Priorität\",\"Zusammenfassung\",")
                .contains(",\"Eröffnet (Europe/Berlin)\",").endsWith(",\"Alter (Sekunden)\",\"Alter\"");
        assertThat(german[1]).startsWith("\"FT-2026-000001\",\"x;'=1+1\",\"Hoch\",\"a,'=1+1\",\"alice\","
                + "\"Übergeben\",\"team accounting\",\"2026-12-01 11:00\",");
        assertThat(german[2]).contains(",\"Dringend\",\"'-5\",", ",\"Abgeschlossen\",",
                ",\"Beim Rückruf bestätigt\",\"2026-12-03 17:30\",");
    }

    @Test
    void theApisCsvKeepsItsMachineHeadersCodesAndInstantsWithoutAByteOrderMark() {
        String csv = CaseCsv.of(List.of(new CaseLine("FT-2026-000001", "Carla", Priority.URGENT, "s", "alice",
                CaseStatus.HANDED_OFF, null, Instant.parse("2026-12-01T10:00:00Z"), null, null, null, null, 0, "")));
        assertThat(csv).startsWith("number,customer,priority,").contains(",\"URGENT\",", ",\"HANDED_OFF\",",
                ",\"2026-12-01T10:00:00Z\",");
    }
}
