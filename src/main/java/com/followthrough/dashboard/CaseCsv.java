package com.followthrough.dashboard;

import com.followthrough.dashboard.Figures.CaseLine;
import com.followthrough.policy.CsvCells;
import com.followthrough.policy.CsvWords;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A case list as CSV (RFC 4180): a header row, one row per case, every text cell in double quotes. Text a person
 * typed could be run as a formula by a spreadsheet ({@code = + - @}, tab or CR first): such text is prefixed with an
 * apostrophe, at the start of the cell and after every comma, semicolon or line break inside it, because a spreadsheet
 * that splits on another separator than ours (German Excel splits on {@code ;}) starts a new cell there, quotes or
 * not: {@code x;=1+1} becomes {@code "x;'=1+1"}.
 * <p>Two readers: the API's ({@link #of}: machine headers, codes, ISO instants, for an integration) and a person's who
 * downloads it from a list's page ({@link #worded}: their words, their clock, README "CSV downloads"); the same
 * columns and the same defusing in both.
 */
final class CaseCsv {

    private static final String HEADER = "number,customer,priority,summary,owner,status,handed_off_to,opened_at,"
            + "status_since,follow_up_due,closed_as,closed_at,age_seconds,age";

    private CaseCsv() {
    }

    /** The column headers of {@link #worded}, in {@link #HEADER}'s order (messages.properties, {@code csv.case.*}). */
    private static final String[] WORDED_HEADER = {"csv.case.number", "csv.case.customer", "csv.case.priority",
        "csv.case.summary", "csv.case.owner", "csv.case.status", "csv.case.handedOffTo", "csv.case.openedAt",
        "csv.case.statusSince", "csv.case.followUpDue", "csv.case.closedAs", "csv.case.closedAt",
        "csv.case.ageSeconds", "csv.case.age"};

    static String of(List<CaseLine> lines) {
        return write(HEADER, lines, code -> code, Instant::toString);
    }

    /** For a person: their words for header and codes, times on their clock, a BOM for Excel. */
    static String worded(List<CaseLine> lines, CsvWords.Reader reader) {
        String header = String.join(",", reader.header(WORDED_HEADER).stream().map(CaseCsv::text).toList());
        return CsvWords.BOM + write(header, lines, reader::words, reader::time);
    }

    private static String write(String header, List<CaseLine> lines, Function<Enum<?>, Object> words,
            Function<Instant, String> times) {
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        for (CaseLine c : lines) {
            csv.append(String.join(",", text(c.number()), text(c.customerName()), text(word(c.priority(), words)),
                    text(c.summary()), text(c.owner()), text(word(c.status(), words)), text(c.handedOffTo()),
                    text(time(c.openedAt(), times)), text(time(c.statusSince(), times)),
                    text(time(c.followUpDue(), times)), text(word(c.closedAs(), words)),
                    text(time(c.closedAt(), times)),
                    String.valueOf(c.ageSeconds()), text(c.age()))).append("\r\n");
        }
        return csv.toString();
    }

    private static Object word(Enum<?> code, Function<Enum<?>, Object> words) {
        return code == null ? null : words.apply(code);
    }

    private static String time(Instant instant, Function<Instant, String> times) {
        return instant == null ? null : times.apply(instant);
    }

    /** A quoted cell, defused ({@link CsvCells}); empty (no quotes) for nothing. */
    static String text(Object value) {
        return CsvCells.quoted(value);
    }
}
