package org.imagingcatalog.curation.imports;

/** A real run with an INVALID row: nothing was changed; the row table says what to fix (the API answers 422). */
public class ImportRefused extends RuntimeException {

    private final ImportReport report;

    public ImportRefused(ImportReport report) {
        super(report.count(RowOutcome.INVALID) + " of " + report.rows().size() + " rows are not valid, so nothing was "
                + "imported (an import is all or nothing). Fix those rows and send the file again.");
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
