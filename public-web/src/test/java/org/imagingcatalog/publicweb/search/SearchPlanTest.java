package org.imagingcatalog.publicweb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 14: folding spellings must not cost the index. With a catalog of realistic size (20,000 generated entries,
 * inserted and analysed in a transaction that is rolled back, so no other test sees them), a search that matches
 * nothing and a rare word are answered from the GIN index, rows and facet counts alike, and a rare format from
 * its own index: PostgreSQL's plans say so.
 */
@QuarkusTest
class SearchPlanTest {

    private static final int ENTRIES = 20_000;

    @Inject
    SearchRepository search;

    @Test
    void searchesAndFiltersUseTheirIndexesAtSize() {
        String prefix = Entries.unique("plan");
        Map<String, List<String>> plans;
        String trustPlan;
        String indexDefinition;
        QuarkusTransaction.begin();
        try {
            Panache.getEntityManager().createNativeQuery("""
                    INSERT INTO entry (id, version, status, name, provider, description, tags, license, access,
                                       ct, xray, mri, ultrasound, metadata, case_review, updated_at, resource_json,
                                       formats, annotations, population)
                    SELECT ?1 || '-' || i, 1, 'ACTIVE', 'Plan entry ' || md5(CAST(i AS text)), 'Institute ' || (i % 97),
                           CASE WHEN i % 2 = 0 THEN 'This dataset holds ' ELSE 'A collection of ' END
                               || md5(CAST(i AS text)) || ' ' || md5(CAST(i + 1 AS text)) || ' images patients chest',
                           'plan tag' || (i % 13), 'CC-BY-4.0', 'OPEN',
                           (ARRAY['Y','N','U'])[1 + i % 3], (ARRAY['Y','N','U'])[1 + (i / 3) % 3], 'N', 'N', 'U', 'U',
                           now(), '{}',
                           CASE WHEN i = 7 THEN 'RAREFORMAT' ELSE 'PNG' END, '',
                           CASE WHEN i % 1000 = 0 THEN 'PAEDIATRIC' ELSE 'ADULT' END
                    FROM generate_series(1, ?2) i
                    """).setParameter(1, prefix).setParameter(2, ENTRIES).executeUpdate();
            Panache.getEntityManager().createNativeQuery("ANALYZE entry").executeUpdate();
            String rare = "plan entry " + md5(7);
            plans = Map.of(
                    "no match", search.plan(query(Map.of("q", List.of("qwzxvbnonexistent")))),
                    "no match, folded spelling", search.plan(query(Map.of("q", List.of("qwzxvbnonexistent x-ray")))),
                    "rare word", search.plan(query(Map.of("q", List.of(md5(7))))),
                    "rare word by name", search.plan(query(Map.of("q", List.of(rare), "sort", List.of("name")))),
                    "rare format", search.plan(query(Map.of("format", List.of("rareformat")))));
            // issue 15: the trust columns are in the narrow filter index with the flags (so a count with a trust
            // filter can be an index-only scan once the visibility map is set, as after the consumer's VACUUM), and a
            // trust filter with a flag reaches the rows through that index. Whether the planner prefers the index to
            // the table here depends on the visibility map, which these uncommitted rows never fill: the question is
            // whether it can.
            indexDefinition = (String) Panache.getEntityManager().createNativeQuery(
                    "SELECT pg_get_indexdef(CAST('entry_active_filters_trust_idx' AS regclass))").getSingleResult();
            Panache.getEntityManager().createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
            trustPlan = String.join("\n", search.plan(query(Map.of("population", List.of("PAEDIATRIC"),
                    "excludePaediatric", List.of("true"), "rtPcrOnly", List.of("true"), "hospitalImagesOnly",
                    List.of("true"), "ct", List.of("Y")))));
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(indexDefinition).contains("reference_standard", "population", "image_source", "participants_risk",
                "WHERE (status = 'ACTIVE'::text)");
        assertThat(trustPlan).as("trust filter:\n" + trustPlan).contains("Bitmap Index Scan on entry_active_filters_trust_idx");
        plans.forEach((what, plan) -> {
            String text = String.join("\n", plan);
            if (what.startsWith("rare format")) {
                assertThat(text).as(what + ":\n" + text).contains("entry_active_format_keys_idx");
            } else {
                // the rows and the facet counts: two statements, each on the GIN index
                assertThat(text.split("entry_search_idx", -1).length - 1).as(what + ":\n" + text)
                        .isGreaterThanOrEqualTo(2);
            }
            assertThat(text).as(what).doesNotContain("Seq Scan on entry");
        });
    }

    private static CatalogQuery query(Map<String, List<String>> params) {
        return CatalogQuery.parse(params);
    }

    private static String md5(int i) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest(Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
