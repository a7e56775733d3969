package com.followthrough.stories;

import static com.followthrough.policy.TestReaders.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.policy.CsvWords;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The stories page's download in the reader's words; the API's keeps its codes; both defuse formulas alike. */
class StoryCsvTests {

    private static final Instant CONFIRMED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Story STORY = new Story("FT-2026-000007", StoryState.FEATURED, CONFIRMED, CONFIRMED,
            "=1+1 it works", 5, "could not pay", "pays; -1 fee",
            List.of(new Story.Person("alice", "Alice", "owner"), new Story.Person("paul", "Paul (accounting)",
                    "colleague")),
            new Story.Numbers(7200, "2 h 0 min", 1, 2, 1), List.of());

    @Test
    void inEnglishAndGermanWithTheStateRolesAndTimesInWords() {
        String[] english = StoryCsv.worded(List.of(STORY), reading(Locale.ENGLISH, "Europe/London"),
                seconds -> seconds + " s").split("\r\n");
        assertThat(english[0]).startsWith(CsvWords.BOM + "\"Case\",\"State\",\"Confirmed (Europe/London)\","
                + "\"Featured (Europe/London)\",\"Before\",\"After\",\"The customer's words\",");
        assertThat(english[1]).isEqualTo("\"FT-2026-000007\",\"Featured\",\"2026-12-01 10:00\",\"2026-12-01 10:00\","
                + "\"could not pay\",\"pays; '-1 fee\",\"'=1+1 it works\",5,\"Alice (owner); Paul (accounting) "
                + "(colleague)\",7200,\"7200 s\",1,2,1,\"\"");

        String[] german = StoryCsv.worded(List.of(STORY), reading(Locale.GERMAN, "Europe/Berlin"),
                seconds -> seconds + " Sek.").split("\r\n");
        assertThat(german[0]).startsWith(CsvWords.BOM + "\"Fall\",\"Stand\",\"Bestätigt (Europe/Berlin)\",")
                .contains("\"Worte der Kundschaft\"", "\"Vom Anruf bis zur Bestätigung (Sekunden)\"");
        assertThat(german[1]).startsWith("\"FT-2026-000007\",\"Hervorgehoben\",\"2026-12-01 11:00\",")
                .contains("\"Alice (verantwortlich); Paul (accounting) (mitgewirkt)\"", ",\"7200 Sek.\",",
                        ",\"'=1+1 it works\",");
    }

    @Test
    void theApisCsvKeepsCodesAndInstants() {
        String csv = StoryCsv.of(List.of(STORY));
        assertThat(csv).startsWith("case,state,closed_at,").doesNotStartWith(CsvWords.BOM)
                .contains("\"FEATURED\",\"2026-12-01T10:00:00Z\"", "\"Alice (owner); Paul (accounting) (colleague)\"",
                        ",\"2 h 0 min\",");
    }
}
