package com.followthrough.outreach;

import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.policy.CsvCells;
import com.followthrough.policy.CsvWords;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The outreach's lists as CSV (commons-csv, RFC 4180, every cell quoted). Any cell a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or CR, also after a {@code ;} or line break where some locales split cells) gets
 * an apostrophe first, as the dashboard's CSV does.
 * <p>The API's lists keep machine headers and codes ({@code status}, {@code HANDED_OFF}); the pages' downloads are in
 * the reader's words (README "CSV downloads"): worded headers, the statuses as the list page says them, a BOM for
 * Excel.
 */
final class OutreachCsv {


    private OutreachCsv() {
    }

    static String lines(List<OutreachFigures.Line> lines) {
        return write(List.of("row", "name", "email", "phone", "case", "owner", "status", "closed_as"),
                lines.stream().map(line -> row(line, nn(line.status()), nn(line.closedAs()))).toList());
    }

    /** For a person: the list page's words; a customer whose case is not opened yet is "not started yet". */
    static String lines(List<OutreachFigures.Line> lines, CsvWords.Reader reader) {
        return CsvWords.BOM + write(reader.header("csv.outreach.row", "csv.outreach.name", "csv.outreach.email",
                "csv.outreach.phone", "csv.outreach.case", "csv.outreach.owner", "csv.outreach.status",
                "csv.outreach.closedAs"), lines.stream().map(line -> row(line,
                        line.status() == null ? reader.say("outreach.notStarted")
                                : reader.words(CaseStatus.valueOf(line.status())),
                        line.closedAs() == null ? "" : reader.words(ClosedAs.valueOf(line.closedAs())))).toList());
    }

    private static List<Object> row(OutreachFigures.Line line, String status, String closedAs) {
        return List.of(line.row(), nn(line.name()), nn(line.email()), nn(line.phone()), nn(line.caseNumber()),
                nn(line.owner()), status, closedAs);
    }

    static String rejected(List<CustomerRows.Rejected> rejected) {
        return write(List.of("row", "field", "reason", "line"), rejectedRows(rejected));
    }

    /** For a person: worded headers; the field and the reason as the outreach page shows them. */
    static String rejected(List<CustomerRows.Rejected> rejected, CsvWords.Reader reader) {
        return CsvWords.BOM + write(reader.header("csv.rejected.row", "csv.rejected.field", "csv.rejected.reason",
                "csv.rejected.line"), rejectedRows(rejected));
    }

    private static List<List<Object>> rejectedRows(List<CustomerRows.Rejected> rejected) {
        return rejected.stream().map(row -> List.<Object>of(row.row(), nn(row.field()), row.reason(), nn(row.line())))
                .toList();
    }

    private static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL)
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(cell -> cell instanceof String text ? defuse(text) : cell));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String defuse(String text) {
        return CsvCells.defused(text);
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }
}
