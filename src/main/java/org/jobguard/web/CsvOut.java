package org.jobguard.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV rows (RFC 4180 quoting) straight to the response. A cell that a spreadsheet would run as
 * a formula ({@code = + - @}) gets a leading apostrophe: exported text comes from strangers.
 */
final class CsvOut {
    private final Writer out;

    CsvOut(Writer out) {
        this.out = out;
    }

    void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
