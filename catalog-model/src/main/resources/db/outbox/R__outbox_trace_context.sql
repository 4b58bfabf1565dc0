-- The W3C trace context (traceparent, tracestate) of the work that wrote a row, so that the relay's send continues
-- that trace whenever it runs. Null for a row written outside any trace, and for rows from before tracing.
-- Repeatable rather than versioned: db/outbox shares each service's Flyway history, where a new V0_x would sort below
-- the migrations a database has already applied, and Flyway refuses such an out-of-order migration. This one can run
-- again at any time and changes nothing the second time.
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS traceparent text;
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS tracestate text;
