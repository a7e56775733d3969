package com.followthrough.dashboard;

import com.followthrough.dashboard.Figures.CaseLine;
import java.time.Instant;
import java.util.List;

/**
 * A case list as CSV (RFC 4180): a header row, one row per case, every field quoted where needed. Fields that a
 * spreadsheet would run as a formula ({@code = + - @} first) are prefixed with an apostrophe.
 */
final class CaseCsv {

    private static final String HEADER = "number,customer,priority,summary,owner,status,handed_off_to,opened_at,"
            + "status_since,follow_up_due,closed_as,closed_at,age_seconds,age";

    private CaseCsv() {
    }

    static String of(List<CaseLine> lines) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (CaseLine c : lines) {
            csv.append(String.join(",", field(c.number()), field(c.customerName()), field(c.priority()),
                    field(c.summary()), field(c.owner()), field(c.status()), field(c.handedOffTo()),
                    field(c.openedAt()), field(c.statusSince()), field(c.followUpDue()), field(c.closedAs()),
                    field(c.closedAt()), String.valueOf(c.ageSeconds()), field(c.age()))).append("\r\n");
        }
        return csv.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
