package com.followthrough.dashboard;

import com.followthrough.dashboard.Figures.CaseLine;
import java.time.Instant;
import java.util.List;

/**
 * A case list as CSV (RFC 4180): a header row, one row per case, every text cell in double quotes. Text a person
 * typed could be run as a formula by a spreadsheet ({@code = + - @}, tab or CR first): such text is prefixed with an
 * apostrophe, at the start of the cell and after every comma, semicolon or line break inside it, because a spreadsheet
 * that splits on another separator than ours (German Excel splits on {@code ;}) starts a new cell there, quotes or
 * not: {@code x;=1+1} becomes {@code "x;'=1+1"}.
 */
final class CaseCsv {

    private static final String HEADER = "number,customer,priority,summary,owner,status,handed_off_to,opened_at,"
            + "status_since,follow_up_due,closed_as,closed_at,age_seconds,age";

    /** What makes a spreadsheet read a cell as a formula when it comes first. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** Where a spreadsheet may start a new cell: our separator, the one of many European locales, a line break. */
    private static final String CELL_STARTS = ",;\n";

    private CaseCsv() {
    }

    static String of(List<CaseLine> lines) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (CaseLine c : lines) {
            csv.append(String.join(",", text(c.number()), text(c.customerName()), text(c.priority()),
                    text(c.summary()), text(c.owner()), text(c.status()), text(c.handedOffTo()),
                    text(c.openedAt()), text(c.statusSince()), text(c.followUpDue()), text(c.closedAs()),
                    text(c.closedAt()), String.valueOf(c.ageSeconds()), text(c.age()))).append("\r\n");
        }
        return csv.toString();
    }

    /** A quoted cell, defused; empty (no quotes) for nothing. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        StringBuilder cell = new StringBuilder(text.length() + 8).append('"');
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (cellStart && FORMULA_STARTS.indexOf(c) >= 0) {
                cell.append('\'');
            }
            cell.append(c == '"' ? "\"\"" : String.valueOf(c));
            // Spaces after a separator may be trimmed by the spreadsheet: the next character still starts the cell.
            cellStart = CELL_STARTS.indexOf(c) >= 0 || cellStart && c == ' ';
        }
        return cell.append('"').toString();
    }
}
