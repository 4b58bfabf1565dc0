-- Issue 14: corrections as JSON Merge Patches, the contributor's revision rounds, explicit claims, and an
-- append-only audit log.

-- The queue item holds the round under review now: its revision number and (for a correction) its patch.
-- A claim is a curator's explicit "I am reviewing this" (opening a review page no longer changes anything).
ALTER TABLE review_item
    ADD COLUMN revision   integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
    ADD COLUMN patch      jsonb,
    ADD COLUMN claimed_by text,
    ADD COLUMN claimed_at timestamptz;

-- Every round of every submission, kept: what the contributor sent in it and what the curator decided on it.
CREATE TABLE review_round (
    submission_id    uuid        NOT NULL REFERENCES review_item (submission_id),
    revision         integer     NOT NULL CHECK (revision >= 1),
    event_id         uuid        NOT NULL,
    proposed         jsonb,
    patch            jsonb,
    comment          text,
    submitter_name   text,
    submitted_at     timestamptz NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    outcome          text CHECK (outcome IN ('ACCEPT', 'REJECT', 'REQUEST_CHANGES')),
    decided_at       timestamptz,
    decided_by       text,
    decision_message text,
    PRIMARY KEY (submission_id, revision)
);

-- The queue items received before rounds existed are round 1 of their submission.
INSERT INTO review_round (submission_id, revision, event_id, proposed, patch, comment, submitter_name, submitted_at,
                          received_at, outcome, decided_at, decided_by, decision_message)
SELECT submission_id, 1, event_id, proposed, NULL, comment, submitter_name, submitted_at, received_at,
       CASE status WHEN 'ACCEPTED' THEN 'ACCEPT' WHEN 'REJECTED' THEN 'REJECT'
                   WHEN 'CHANGES_REQUESTED' THEN 'REQUEST_CHANGES' END,
       decided_at, decided_by, decision_message
FROM review_item;

-- The audit log is append-only, like the versions: the database itself refuses to change or remove an entry.
CREATE FUNCTION refuse_audit_entry_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry rows are append-only: % refused on entry %', TG_OP, OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_entry_change();

CREATE FUNCTION refuse_audit_entry_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry rows are append-only: TRUNCATE refused'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_entry_truncate();

-- The audit filters: by actor or action, newest first.
CREATE INDEX audit_entry_actor ON audit_entry (actor, occurred_at DESC);
CREATE INDEX audit_entry_action ON audit_entry (action, occurred_at DESC);
