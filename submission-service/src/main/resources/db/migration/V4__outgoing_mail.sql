-- Issue 14: decision mails go through a durable queue. A row is written in the transaction that applies the
-- decision; a scheduled sender delivers it with retries and exponential backoff, so an SMTP outage delays mail
-- but never loses it, and the decisions consumer never waits for SMTP. One row per submission, round and
-- decided status: a replayed or re-published decision never mails twice.
CREATE TABLE outgoing_mail (
    id              uuid          PRIMARY KEY,
    submission_id   uuid          NOT NULL REFERENCES submission (id),
    revision        integer       NOT NULL,
    status          varchar(32)   NOT NULL,
    -- the curators' message as decided (the body is written when sending: the recipient and the tracking link
    -- are read from the submission then, so the address is stored once, in submission)
    curator_message text,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL DEFAULT now(),
    -- the kind of the last failure (never the address)
    last_error      varchar(300),
    sent_at         timestamptz,
    UNIQUE (submission_id, revision, status)
);
CREATE INDEX outgoing_mail_due_idx ON outgoing_mail (next_attempt_at) WHERE sent_at IS NULL;
