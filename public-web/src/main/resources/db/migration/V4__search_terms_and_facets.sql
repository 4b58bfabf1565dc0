-- Issue 14: search that finds what readers type, and facet counts.
--
-- 1. The search vector also holds the entry's formats and annotations (weight B, like tags), and, at the lowest
--    weight D, one term per modality whose flag is Y ("ct", "xray", "mri", "ultrasound"): the catalog's own
--    statement that an entry holds such images is the best evidence there is, so q=xray finds an entry that says
--    "X-ray" nowhere but in its flag, ranked below the entries whose text names it. An unknown flag (U) adds nothing.
-- 2. The spellings people type for a modality (x-ray, xray, x ray, radiograph, CXR; CT, computed tomography; ...)
--    are folded inside PostgreSQL, with no file on the database server (a synonym or thesaurus dictionary needs
--    one in the server's share directory, which a managed PostgreSQL does not allow): the table search_synonym
--    lists them, and catalog_search_query(q) rewrites the reader's query with ts_rewrite, so that any spelling
--    stands for every spelling of its term as to_tsvector('simple', ...) indexes it, and for the flag's term.
--    The indexed text keeps its own words; the query reaches them all. A new spelling is a row (in a migration),
--    effective at once, with nothing to re-index.
-- 3. formats and annotations get columns of their own (one value a line, as the resource lists them) and
--    lower-cased arrays for the format= and annotation= filters, GIN-indexed.
-- 4. facet_key: the six flags as one number (a base-3 digit each, Y 0, N 1, U 2, in the order ct, xray, mri,
--    ultrasound, metadata, case_review), so the facet counts group by one small column instead of six. It joins
--    the narrow filter index of V3, which this index replaces: counting and facet counting without a text query
--    read this index only.

ALTER TABLE entry ADD COLUMN formats text NOT NULL DEFAULT '';
ALTER TABLE entry ADD COLUMN annotations text NOT NULL DEFAULT '';

UPDATE entry SET
    formats = coalesce((SELECT string_agg(value, E'\n' ORDER BY ordinality)
                        FROM jsonb_array_elements_text(resource_json::jsonb -> 'formats') WITH ORDINALITY), ''),
    annotations = coalesce((SELECT string_agg(value, E'\n' ORDER BY ordinality)
                            FROM jsonb_array_elements_text(resource_json::jsonb -> 'annotations') WITH ORDINALITY), '');

-- one rewrite of the table for all the generated columns
ALTER TABLE entry
    ADD COLUMN format_keys text[] GENERATED ALWAYS AS (string_to_array(lower(formats), E'\n')) STORED,
    ADD COLUMN annotation_keys text[] GENERATED ALWAYS AS (string_to_array(lower(annotations), E'\n')) STORED,
    DROP COLUMN search,
    ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(provider, '')), 'B') ||
        setweight(to_tsvector('simple', tags), 'B') ||
        setweight(to_tsvector('simple', formats), 'B') ||
        setweight(to_tsvector('simple', annotations), 'B') ||
        setweight(to_tsvector('simple', coalesce(description, '')), 'C') ||
        setweight(to_tsvector('simple',
            CASE WHEN ct = 'Y' THEN 'ct ' ELSE '' END ||
            CASE WHEN xray = 'Y' THEN 'xray ' ELSE '' END ||
            CASE WHEN mri = 'Y' THEN 'mri ' ELSE '' END ||
            CASE WHEN ultrasound = 'Y' THEN 'ultrasound' ELSE '' END), 'D')) STORED,
    ADD COLUMN facet_key smallint GENERATED ALWAYS AS (
        (CASE ct WHEN 'Y' THEN 0 WHEN 'N' THEN 1 ELSE 2 END) +
        (CASE xray WHEN 'Y' THEN 0 WHEN 'N' THEN 1 ELSE 2 END) * 3 +
        (CASE mri WHEN 'Y' THEN 0 WHEN 'N' THEN 1 ELSE 2 END) * 9 +
        (CASE ultrasound WHEN 'Y' THEN 0 WHEN 'N' THEN 1 ELSE 2 END) * 27 +
        (CASE metadata WHEN 'Y' THEN 0 WHEN 'N' THEN 1 ELSE 2 END) * 81 +
        (CASE case_review WHEN 'Y' THEN 0 WHEN 'N' THEN 1 ELSE 2 END) * 243) STORED;

CREATE INDEX entry_search_idx ON entry USING gin (search);
CREATE INDEX entry_active_filters_facets_idx ON entry (ct, xray, mri, ultrasound, metadata, case_review, access)
    INCLUDE (license, facet_key) WHERE status = 'ACTIVE';
DROP INDEX entry_active_filters_idx;
CREATE INDEX entry_active_format_keys_idx ON entry USING gin (format_keys) WHERE status = 'ACTIVE';
CREATE INDEX entry_active_annotation_keys_idx ON entry USING gin (annotation_keys) WHERE status = 'ACTIVE';

-- One row per spelling of a term. term: the canonical term, which is also the word a Y flag puts into the search
-- vector. spelling: as a reader types it, lower-case (parsed like the query). in_text: whether a
-- search for the term also looks for this spelling in entries' text; "us" does not ("contact us"), but a reader
-- who types "US" still gets the ultrasound entries.
CREATE TABLE search_synonym (
    term     text    NOT NULL CHECK (term ~ '^[a-z]+$'),
    spelling text    NOT NULL CHECK (spelling = lower(spelling) AND spelling <> ''),
    in_text  boolean NOT NULL DEFAULT true,
    PRIMARY KEY (term, spelling)
);

INSERT INTO search_synonym (term, spelling, in_text) VALUES
    ('xray', 'xray', true), ('xray', 'xrays', true), ('xray', 'x-ray', true), ('xray', 'x-rays', true),
    ('xray', 'x ray', true), ('xray', 'x rays', true), ('xray', 'radiograph', true), ('xray', 'radiographs', true),
    ('xray', 'radiography', true), ('xray', 'cxr', true),
    ('ct', 'ct', true), ('ct', 'computed tomography', true), ('ct', 'computerized tomography', true),
    ('ct', 'computerised tomography', true),
    ('mri', 'mri', true), ('mri', 'mr', true), ('mri', 'magnetic resonance', true),
    ('mri', 'magnetic resonance imaging', true),
    ('ultrasound', 'ultrasound', true), ('ultrasound', 'ultrasounds', true), ('ultrasound', 'us', false),
    ('ultrasound', 'pocus', true), ('ultrasound', 'sonography', true), ('ultrasound', 'ultrasonography', true);

-- What the reader's query is rewritten with, in two steps so that a spelling inside an expansion is never
-- rewritten again: first each spelling, typed (x ray: 'x' & 'ray') or quoted ("x ray": 'x' <-> 'ray'), the longest
-- first (so "magnetic resonance imaging" wins over "magnetic resonance"), becomes a placeholder no typed query can
-- contain (a lexeme with a space), then each
-- placeholder becomes every in-text spelling of its term as the indexed text holds it (phraseto_tsquery parses
-- like to_tsvector: "x-ray" is 'x-ray' <-> 'x' <-> 'ray') or the term itself.
CREATE VIEW search_synonym_target AS
    SELECT DISTINCT target, quote_literal('term ' || term)::tsquery AS placeholder
    FROM search_synonym,
         LATERAL (VALUES (websearch_to_tsquery('simple', spelling)),  -- typed: x ray
                         (phraseto_tsquery('simple', spelling))       -- quoted: "x ray"
                 ) AS forms (target);

CREATE VIEW search_synonym_expansion AS
    SELECT quote_literal('term ' || term)::tsquery AS placeholder,
           string_agg('(' || phraseto_tsquery('simple', spelling)::text || ')', ' | ' ORDER BY spelling)::tsquery
               AS expansion
    FROM (SELECT term, spelling FROM search_synonym WHERE in_text
          UNION SELECT DISTINCT term, term FROM search_synonym) spellings
    GROUP BY term;

-- The tsquery of a reader's search text (web search syntax), with every spelling folded. Read the table at each
-- call (STABLE): public-web calls it once per search and hands the result to the search as a constant, so the
-- planner sees the actual words.
CREATE FUNCTION catalog_search_query(q text) RETURNS tsquery
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT ts_rewrite(
                   ts_rewrite(websearch_to_tsquery('simple', q),
                              'SELECT target, placeholder FROM search_synonym_target ORDER BY numnode(target) DESC, target::text'),
                   'SELECT placeholder, expansion FROM search_synonym_expansion')
    $$;
