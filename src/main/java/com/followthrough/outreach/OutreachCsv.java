package com.followthrough.outreach;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The outreach's lists as CSV (commons-csv, RFC 4180, every cell quoted). Any cell a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or CR, also after a {@code ;} or line break where some locales split cells) gets
 * an apostrophe first, as the dashboard's CSV does.
 */
final class OutreachCsv {

    private static final Pattern FORMULA = Pattern.compile("(^|[,;\\n])(?=[=+\\-@\\t\\r])");

    private OutreachCsv() {
    }

    static String lines(List<OutreachFigures.Line> lines) {
        return write(List.of("row", "name", "email", "phone", "case", "owner", "status", "closed_as"),
                lines.stream().map(line -> List.<Object>of(line.row(), nn(line.name()), nn(line.email()),
                        nn(line.phone()), nn(line.caseNumber()), nn(line.owner()), nn(line.status()),
                        nn(line.closedAs()))).toList());
    }

    static String rejected(List<CustomerRows.Rejected> rejected) {
        return write(List.of("row", "field", "reason", "line"), rejected.stream()
                .map(row -> List.<Object>of(row.row(), nn(row.field()), row.reason(), nn(row.line()))).toList());
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
        return FORMULA.matcher(text).replaceAll("$1'");
    }

    private static String nn(String value) {
        return value == null ? "" : value;
    }
}
