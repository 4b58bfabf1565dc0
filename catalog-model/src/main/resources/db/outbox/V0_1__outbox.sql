-- The transactional outbox every producing service shares (org.imagingcatalog.model.outbox).
-- An event row commits with the state change it describes; the relay sends it and sets sent_at.
CREATE TABLE outbox_message (
    id          bigserial PRIMARY KEY,
    event_id    uuid         NOT NULL UNIQUE,
    topic       varchar(200) NOT NULL,
    message_key varchar(200) NOT NULL,
    payload     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    attempts    int          NOT NULL DEFAULT 0,
    last_error  text
);

CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE sent_at IS NULL;
