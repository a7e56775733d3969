package com.followthrough.policy;

import java.time.Instant;

/**
 * CSV cells a spreadsheet will not run as formulas (OWASP "CSV injection"): every CSV this product writes (cases,
 * stories, outreach lines) defuses its text the same way. A cell that starts with {@code = + - @}, a tab or a CR gets
 * an apostrophe in front, and so does such a character after a separator or line break inside the text, because a
 * spreadsheet that splits on {@code ;} (many European locales) or re-imports lines starts a new cell there; spaces
 * before it do not help, since a spreadsheet may trim them.
 */
public final class CsvCells {

    /** What makes a spreadsheet read a cell as a formula when it comes first. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** Where a spreadsheet may start a new cell: our separator, the one of many European locales, a line break. */
    private static final String CELL_STARTS = ",;\n";

    private CsvCells() {
    }

    /** The text with an apostrophe before every formula start; for a CSV printer that quotes by itself. */
    public static String defused(String text) {
        StringBuilder cell = new StringBuilder(text.length() + 4);
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (cellStart && FORMULA_STARTS.indexOf(c) >= 0) {
                cell.append('\'');
            }
            cell.append(c);
            cellStart = CELL_STARTS.indexOf(c) >= 0 || cellStart && c == ' ';
        }
        return cell.toString();
    }

    /** A quoted cell (RFC 4180), defused; empty (no quotes) for nothing; an instant as ISO-8601. */
    public static String quoted(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        return '"' + defused(text).replace("\"", "\"\"") + '"';
    }
}
