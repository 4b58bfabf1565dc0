package org.imagingcatalog.curation.audit;

/** What a curator did. */
public enum AuditAction {
    LOGIN, CLAIM, DECISION, EDIT, REVERT, WITHDRAW, RESTORE, SEED_IMPORT, IMPORT, IMPORT_REVERT, RELEASE_CUT
}
