package com.followthrough.stories;

import com.followthrough.policy.CsvCells;
import com.followthrough.policy.CsvWords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Stories as CSV (RFC 4180), for a newsletter or a staff page: only what a story shows (no customer name or contact
 * details). Every text cell is quoted; text a spreadsheet could run as a formula ({@code = + - @}, tab or CR at the
 * start of a cell, or after a separator or line break inside it, where a spreadsheet splitting on {@code ;} starts a
 * new cell) gets an apostrophe in front, as the dashboard's CSV does.
 * <p>The API's ({@link #of}: machine headers, codes, ISO instants, English durations) and the stories page's
 * ({@link #worded}: the reader's words, clock and language, README "CSV downloads"): the same columns, defused alike.
 */
public final class StoryCsv {

    private static final String HEADER = "case,state,closed_at,featured_at,before,after,customer_words,satisfaction,"
            + "people,call_to_confirmed_seconds,call_to_confirmed,hand_offs,check_ins,callback_attempts,thanks";

    private StoryCsv() {
    }

    /** The column headers of {@link #worded}, in {@link #HEADER}'s order (messages.properties, {@code csv.story.*}). */
    private static final String[] WORDED_HEADER = {"csv.story.case", "csv.story.state", "csv.story.closedAt",
        "csv.story.featuredAt", "csv.story.before", "csv.story.after", "csv.story.customerWords",
        "csv.story.satisfaction", "csv.story.people", "csv.story.callToConfirmedSeconds", "csv.story.callToConfirmed",
        "csv.story.handOffs", "csv.story.checkIns", "csv.story.callbackAttempts", "csv.story.thanks"};

    static String of(List<Story> stories) {
        return write(HEADER, stories, Enum::name, Instant::toString, role -> role,
                story -> story.numbers().callToConfirmed());
    }

    /**
     * For a person: their words for header, state and roles, times on their clock, the call-to-confirmed span in
     * their language ({@code durations}), a BOM for Excel.
     */
    static String worded(List<Story> stories, CsvWords.Reader reader, LongFunction<String> durations) {
        String header = String.join(",", reader.header(WORDED_HEADER).stream().map(StoryCsv::cell).toList());
        return CsvWords.BOM + write(header, stories, reader::words, reader::time,
                role -> reader.say("csv.story.role." + role),
                story -> durations.apply(story.numbers().callToConfirmedSeconds()));
    }

    private static String write(String header, List<Story> stories, Function<Enum<?>, String> words,
            Function<Instant, String> times, Function<String, String> roles, Function<Story, String> durations) {
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        for (Story s : stories) {
            String people = s.people().stream().map(p -> p.name() + " (" + roles.apply(p.role()) + ")")
                    .collect(Collectors.joining("; "));
            String thanks = s.thanks().stream().map(t -> t.fromName() + " → " + t.toName() + ": " + t.note())
                    .collect(Collectors.joining("\n"));
            csv.append(String.join(",", cell(s.caseNumber()), cell(words.apply(s.state())),
                    cell(time(s.closedAt(), times)), cell(time(s.featuredAt(), times)), cell(s.before()),
                    cell(s.after()), cell(s.customerWords()), number(s.satisfaction()), cell(people),
                    number(s.numbers().callToConfirmedSeconds()),
                    cell(durations.apply(s)), number(s.numbers().handOffs()),
                    number(s.numbers().checkIns()), number(s.numbers().callbackAttempts()), cell(thanks)))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String time(Instant instant, Function<Instant, String> times) {
        return instant == null ? null : times.apply(instant);
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
        return CsvCells.quoted(value);
    }
}
