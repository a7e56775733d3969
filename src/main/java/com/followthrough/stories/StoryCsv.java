package com.followthrough.stories;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Stories as CSV (RFC 4180), for a newsletter or a staff page: only what a story shows (no customer name or contact
 * details). Every text cell is quoted; text a spreadsheet could run as a formula ({@code = + - @}, tab or CR at the
 * start of a cell, or after a separator or line break inside it, where a spreadsheet splitting on {@code ;} starts a
 * new cell) gets an apostrophe in front, as the dashboard's CSV does.
 */
public final class StoryCsv {

    private static final String HEADER = "case,state,closed_at,featured_at,before,after,customer_words,satisfaction,"
            + "people,call_to_confirmed_seconds,call_to_confirmed,hand_offs,check_ins,callback_attempts,thanks";
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String SEPARATORS = ",;\n";

    private StoryCsv() {
    }

    static String of(List<Story> stories) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Story s : stories) {
            String people = s.people().stream().map(p -> p.name() + " (" + p.role() + ")")
                    .collect(Collectors.joining("; "));
            String thanks = s.thanks().stream().map(t -> t.fromName() + " → " + t.toName() + ": " + t.note())
                    .collect(Collectors.joining("\n"));
            csv.append(String.join(",", cell(s.caseNumber()), cell(s.state()), cell(s.closedAt()), cell(s.featuredAt()),
                    cell(s.before()), cell(s.after()), cell(s.customerWords()), number(s.satisfaction()), cell(people),
                    number(s.numbers().callToConfirmedSeconds()), cell(s.numbers().callToConfirmed()),
                    number(s.numbers().handOffs()), number(s.numbers().checkIns()),
                    number(s.numbers().callbackAttempts()), cell(thanks))).append("\r\n");
        }
        return csv.toString();
    }

    /** The CSV as a download named {@code stories.csv}. */
    public static ResponseEntity<String> response(String csv) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stories.csv\"")
                .body(csv);
    }

    private static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        StringBuilder cell = new StringBuilder("\"");
        boolean startsCell = true;
        for (char c : text.toCharArray()) {
            if (startsCell && FORMULA_STARTS.indexOf(c) >= 0) {
                cell.append('\'');
            }
            cell.append(c == '"' ? "\"\"" : String.valueOf(c));
            startsCell = SEPARATORS.indexOf(c) >= 0 || startsCell && c == ' ';
        }
        return cell.append('"').toString();
    }
}
