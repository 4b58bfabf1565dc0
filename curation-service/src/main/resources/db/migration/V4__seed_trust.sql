-- Issue 15: the seed entries' trust fields (reference standard, population, image source, risk of bias, lineage,
-- identifiers, each with its source as provenance) reach every installation exactly once. One row per seed entry
-- whose trust fields are settled: given with version 1 (an installation that imports the seed now), or written as
-- a later version with the reason "trust fields from the seed's sources" (an installation that imported the seed
-- before the trust fields existed); version is null where the seed had nothing to add. A settled entry is never
-- given them again, so a trust field a curator clears stays cleared after a restart.
CREATE TABLE seed_trust (
    resource_id text PRIMARY KEY REFERENCES resource (id),
    version     integer CHECK (version >= 1),
    settled_at  timestamptz NOT NULL DEFAULT now()
);
