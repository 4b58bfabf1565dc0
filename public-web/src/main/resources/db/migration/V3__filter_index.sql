-- Counting the listed entries that match flag, access or licence filters reads this narrow index only
-- (an index-only scan), never the wide rows: 5 ms instead of 66 ms at 100,000 entries. /stats counts
-- from it too.
CREATE INDEX entry_active_filters_idx ON entry (ct, xray, mri, ultrasound, metadata, case_review, access)
    INCLUDE (license) WHERE status = 'ACTIVE';
