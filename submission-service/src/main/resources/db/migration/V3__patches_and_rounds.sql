-- Issue 14: a correction is a JSON Merge Patch (RFC 7396) naming only what it changes, and a contributor may
-- revise a submission after the curators asked for changes; every round is kept.

-- The correction's patch against the published version (proposed_json stays null for such a correction;
-- rows written before keep the whole corrected resource in proposed_json).
ALTER TABLE submission ADD COLUMN patch_json text;
-- The current round: 1, then one more for each revision.
ALTER TABLE submission ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);
-- The version an accepted proposal became (resource_id then names the resource, also when curators chose it).
ALTER TABLE submission ADD COLUMN resulting_version integer;
-- The tracking token sealed with the service's key (AES-GCM), only so decision mails can carry the link; a copy
-- of the database alone does not open it. Null when the contributor left no e-mail address.
ALTER TABLE submission ADD COLUMN tracking_token_sealed text;

-- Every round of a submission: what it proposed, why, and what the curators answered.
CREATE TABLE submission_round (
    submission_id   uuid        NOT NULL REFERENCES submission (id),
    revision        integer     NOT NULL CHECK (revision >= 1),
    proposed_json   text,
    patch_json      text,
    comment         text,
    submitted_at    timestamptz NOT NULL,
    status          varchar(32),
    curator_message text,
    decided_at      timestamptz,
    PRIMARY KEY (submission_id, revision)
);

-- The submissions stored before: their first (and only) round.
INSERT INTO submission_round (submission_id, revision, proposed_json, patch_json, comment, submitted_at, status,
                              curator_message, decided_at)
SELECT id, 1, proposed_json, NULL, comment, submitted_at,
       CASE WHEN status IN ('RECEIVED', 'IN_REVIEW') THEN NULL ELSE status END, curator_message, decided_at
  FROM submission;
