package org.imagingcatalog.publicweb.releases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Releasing;
import org.imagingcatalog.publicweb.support.Releasing.Cut;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17, part 1: every export answers {@code ?release=NAME} exactly as the catalog was in that release, the same
 * bytes after the entries were edited, withdrawn and added to; the current exports show those changes.
 */
@QuarkusTest
class ReleaseExportsTest {

    private static final List<String> FORMATS = List.of("csv", "json", "tex", "bib", "jsonld", "ttl", "rdf");

    @Test
    void aReleaseExportsTheSameBytesAfterLaterEditsWhileTheCurrentExportsShowThem() {
        String word = Entries.unique("frozen");
        String a = word + "-a";
        String b = word + "-b";
        String gone = word + "-gone";
        String later = word + "-later";
        Resource aV1 = Entries.resource(a, "Frozen Alpha " + word, "YNNNYU", "the first", List.of(word));
        // a licence on no SPDX list (a blank node in DCAT-AP), and built from a: the lineage travels into the exports
        Resource bV1 = new Resource(b, "Frozen Beta " + word, "https://example.org/" + b, "the second", "Other Lab",
                aV1.modalities(), aV1.metadata(), aV1.caseReview(), "Terms of the Other Lab", aV1.access(),
                List.of("DICOM"), aV1.counts(), List.of(), List.of(word), null, null)
                .withTrust(new TrustFields(List.of(new Relation(RelationType.IS_DERIVED_FROM, a, null)), null, null, null,
                        null, null, null));
        Resource goneV1 = Entries.resource(gone, "Frozen Gone " + word, "UUUUUU", "withdrawn before the cut", List.of(word));
        Entries.publish(aV1);
        Entries.publish(bV1);
        Entries.publish(goneV1, 1, ResourceStatus.WITHDRAWN, "withdrawn", "no longer online");
        Entries.awaitVersion(a, 1);
        Entries.awaitVersion(b, 1);
        Entries.awaitVersion(gone, 1);

        String release = Entries.unique("r");
        Instant cutAt = Instant.parse("2026-03-01T12:00:00Z");
        Releasing.publish(new Cut(release, "The spring cut.", cutAt, null, 3),
                List.of(Releasing.frozen(aV1, 1, ResourceStatus.ACTIVE), Releasing.frozen(bV1, 1, ResourceStatus.ACTIVE),
                        Releasing.frozen(goneV1, 1, ResourceStatus.WITHDRAWN)), 2);

        Map<String, byte[]> before = exports(release);
        String csv = text(before.get("csv"));
        assertThat(csv).contains(a, b, "Frozen Alpha " + word, "Terms of the Other Lab").doesNotContain(gone);
        assertThat(csv.indexOf(a + ",")).as("ordered by name, as the current exports").isLessThan(csv.indexOf(b + ","));
        assertThat(csv.lines().filter(line -> line.startsWith(b + ",")).findFirst().orElseThrow())
                .as("b's derivedFrom names a, from the release's own lineage").contains("," + a + ",");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(text(before.get("tex"))).contains("Imaging Data Catalog, release " + release,
                "as of \\mbox{2026-03-01}").doesNotContain(today);
        assertThat(text(before.get("bib"))).contains("Accessed 2026-03-01").doesNotContain(today);
        assertThat(text(before.get("jsonld"))).contains("\"version\":\"" + release + "\"",
                "\"datePublished\":\"2026-03-01\"");
        assertThat(text(before.get("ttl"))).contains("Release " + release + ", cut on 2026-03-01");
        assertThat(text(before.get("json"))).contains("\"id\":\"" + a + "\"", "\"id\":\"" + b + "\"").doesNotContain(gone);

        // later: a edited, b withdrawn, gone restored, an entry added
        Entries.publish(Entries.resource(a, "Frozen Alpha renamed " + word, "YYNNYU", "edited", List.of(word)), 2,
                ResourceStatus.ACTIVE, "name changed", "a better name");
        Entries.publish(bV1, 2, ResourceStatus.WITHDRAWN, "withdrawn", "gone offline");
        Entries.publish(goneV1, 2, ResourceStatus.ACTIVE, "restored", "back online");
        Entries.publish(Entries.resource(later, "Frozen Later " + word, "NNYNNN", "added after the cut", List.of(word)));
        Entries.awaitVersion(a, 2);
        Entries.awaitVersion(b, 2);
        Entries.awaitVersion(gone, 2);
        Entries.awaitVersion(later, 1);

        Map<String, byte[]> after = exports(release);
        for (String format : FORMATS) {
            assertThat(text(after.get(format))).as("the release's " + format + " export after later edits")
                    .isEqualTo(text(before.get(format)));
            assertThat(after.get(format)).isEqualTo(before.get(format));
        }
        String current = given().header("Cache-Control", "no-cache").get("/export/catalog.csv?q=" + word).then()
                .statusCode(200).extract().asString();
        assertThat(current).contains("Frozen Alpha renamed " + word, later, gone).doesNotContain(b + ",");
    }

    /** Every export of the release, rendered afresh (not the cached bytes). */
    private static Map<String, byte[]> exports(String release) {
        Map<String, byte[]> exports = new LinkedHashMap<>();
        for (String format : FORMATS) {
            exports.put(format, given().header("Cache-Control", "no-cache")
                    .get("/export/catalog." + format + "?release=" + release).then().statusCode(200).extract()
                    .asByteArray());
        }
        return exports;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
