-- Issue 15: "trust the data". The list, the exports and the feed filter by the trust fields of an entry: how its
-- labels were set (reference_standard), whose images it holds (population), where they come from (image_source),
-- and the risk of bias of its participants (participants_risk: LOW, HIGH, UNCLEAR, or NULL when unassessed), for
-- "exclude datasets with paediatric controls". Each holds the vocabulary's constant as the resource JSON writes it;
-- a field the entry does not state is UNKNOWN (NULL for the risk), as the model reads a missing field.
--
-- The columns are copies of the snapshot, written with the rest of the row when an event is applied
-- (readmodel.PublishedEntry) and so refilled by a rebuild; here they are filled once from the resource JSON the rows
-- already hold (rows written before the trust fields existed state none, and stay UNKNOWN).
--
-- They join the narrow filter index like the flags, the access and the licence: a count, the facet counts and
-- /stats with a trust filter still read that index only (an index-only scan). This index replaces V4's.

ALTER TABLE entry
    ADD COLUMN reference_standard text NOT NULL DEFAULT 'UNKNOWN',
    ADD COLUMN population         text NOT NULL DEFAULT 'UNKNOWN',
    ADD COLUMN image_source       text NOT NULL DEFAULT 'UNKNOWN',
    ADD COLUMN participants_risk  text;

UPDATE entry e SET
    reference_standard = coalesce(s.j ->> 'referenceStandard', 'UNKNOWN'),
    population = coalesce(s.j ->> 'population', 'UNKNOWN'),
    image_source = coalesce(s.j ->> 'imageSource', 'UNKNOWN'),
    participants_risk = s.j -> 'riskOfBias' -> 'participants' ->> 'risk'
FROM (SELECT id, CAST(resource_json AS jsonb) AS j FROM entry) s
WHERE s.id = e.id
  AND (s.j ->> 'referenceStandard' IS NOT NULL OR s.j ->> 'population' IS NOT NULL
       OR s.j ->> 'imageSource' IS NOT NULL OR s.j -> 'riskOfBias' -> 'participants' IS NOT NULL);

CREATE INDEX entry_active_filters_trust_idx ON entry (ct, xray, mri, ultrasound, metadata, case_review, access)
    INCLUDE (license, facet_key, reference_standard, population, image_source, participants_risk)
    WHERE status = 'ACTIVE';
DROP INDEX entry_active_filters_facets_idx;
