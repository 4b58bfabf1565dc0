-- The trace context of the intake of each submission's latest round (W3C traceparent of the intake's CONSUMER span,
-- which continues the contributor's request): a curator's decision, a trace of its own, links to it.
-- Null for submissions received untraced or before tracing.
ALTER TABLE review_item ADD COLUMN traceparent text;
