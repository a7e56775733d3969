package com.followthrough.outreach;

import static com.followthrough.policy.TestReaders.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.policy.CsvWords;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The outreach pages' downloads in the reader's words, as the list page says them; the API's keeps its codes. */
class OutreachCsvTests {

    private static final List<OutreachFigures.Line> LINES = List.of(
            new OutreachFigures.Line(1, "=Ann", "ann@x.test", "+49 30 1", "FT-2026-000001", "alice", "CLOSED",
                    "CONFIRMED_BY_CUSTOMER"),
            new OutreachFigures.Line(2, "Ben", "ben@x.test", null, "FT-2026-000002", "bob", "HANDED_OFF", null),
            new OutreachFigures.Line(3, "Cem", "cem@x.test", null, null, null, null, null));

    @Test
    void theListBehindAFigureInGerman() {
        List<String> csv = OutreachCsv.lines(LINES, reading(Locale.GERMAN, "Europe/Berlin")).lines().toList();
        assertThat(csv.get(0)).isEqualTo(CsvWords.BOM + "\"Zeile\",\"Kunde\",\"E-Mail\",\"Telefon\",\"Fall\","
                + "\"Verantwortlich\",\"Status\",\"Abgeschlossen als\"");
        assertThat(csv.get(1)).isEqualTo("\"1\",\"'=Ann\",\"ann@x.test\",\"'+49 30 1\",\"FT-2026-000001\",\"alice\","
                + "\"Abgeschlossen\",\"Von der Kundschaft bestätigt\"");
        assertThat(csv.get(2)).contains("\"Übergeben\",\"\"");
        assertThat(csv.get(3)).endsWith("\"noch nicht eröffnet\",\"\"");
    }

    @Test
    void theListInEnglishAndTheApisWithCodes() {
        assertThat(OutreachCsv.lines(LINES, reading(Locale.ENGLISH, "UTC"))).contains("\"Row\",\"Customer\",",
                "\"Closed\",\"Confirmed by the customer\"", "\"Handed off\"", "\"not started yet\"");
        assertThat(OutreachCsv.lines(LINES)).startsWith("\"row\",\"name\",")
                .contains("\"CLOSED\",\"CONFIRMED_BY_CUSTOMER\"", "\"HANDED_OFF\"");
    }

    @Test
    void theRefusedRowsWithWordedHeadersAndTheirLineDefused() {
        String csv = OutreachCsv.rejected(List.of(new CustomerRows.Rejected(3, "email", "must be an email address",
                "Ann,=cmd|' /C calc'!A0")), reading(Locale.GERMAN, "Europe/Berlin"));
        assertThat(csv).startsWith(CsvWords.BOM + "\"Zeile\",\"Feld\",\"Grund\",\"Zeile wie hochgeladen\"\r\n")
                .contains("\"3\",\"email\",\"must be an email address\",\"Ann,'=cmd|' /C calc'!A0\"");
    }
}
