package com.followthrough.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.cases.CaseStatus;
import com.followthrough.dashboard.Figures.CaseLine;
import com.followthrough.policy.Priority;
import java.time.Instant;
import java.util.List;
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
}
