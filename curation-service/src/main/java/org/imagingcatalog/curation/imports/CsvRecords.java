package org.imagingcatalog.curation.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records of a CSV text: cells separated by commas, records by CRLF or LF; a quoted cell may hold commas,
 * doubled quotes and line breaks (kept as they are). Lines without any character are skipped; a quote that never
 * closes refuses the whole file, since no record after it could be told apart.
 */
final class CsvRecords {

    /** One record: {@code line} is the file line it starts on (1-based). */
    record CsvRecord(int line, List<String> cells) {
    }

    private CsvRecords() {
    }

    static List<CsvRecord> parse(String text) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.length() == 0 && !cellWasQuoted) {
                        quoted = true;
                        cellWasQuoted = true;
                        quoteLine = line;
                    } else {
                        cell.append(c);
                    }
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    cellWasQuoted = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (!cells.isEmpty() || cell.length() > 0 || cellWasQuoted) {
                        cells.add(cell.toString());
                        records.add(new CsvRecord(recordLine, List.copyOf(cells)));
                    }
                    cells.clear();
                    cell.setLength(0);
                    cellWasQuoted = false;
                    line++;
                    recordLine = line;
                }
                default -> cell.append(c);
            }
        }
        if (quoted) {
            throw ImportText.fileProblem("A quoted cell that starts on line " + quoteLine + " never closes (its "
                    + "closing \" is missing), so no row after it can be read. Nothing was imported.");
        }
        if (!cells.isEmpty() || cell.length() > 0 || cellWasQuoted) {
            cells.add(cell.toString());
            records.add(new CsvRecord(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
