package org.imagingcatalog.publicweb.web;

import java.util.List;

/** The list of releases, newest first, as the page shows it. */
public record ReleasesView(List<Row> releases) {

    /** One release: its page, when it was cut, its counts and the start of its notes. */
    public record Row(String name, String url, String cutOn, String cutAt, String entryCount, String listedCount,
            String notesExcerpt) {
    }
}
