package org.imagingcatalog.submission.catalog;

/** A published entry as a list of choices names it: its id, its name, and whether it has been withdrawn. */
public record EntryName(String id, String name, boolean withdrawn) {
}
