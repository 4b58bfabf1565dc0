package org.imagingcatalog.curation.imports;

/** What importing a row does: makes a new entry, changes one, changes nothing, or cannot be done. */
public enum RowOutcome {
    NEW, CHANGED, UNCHANGED, INVALID
}
