package org.imagingcatalog.publicweb.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
class CachingAndHeadersTest {

    @Inject
    CachedResponseFilter cachedResponses;

    @Test
    void everyViewAnswers304ToAClientThatHoldsIt() {
        for (String path : List.of("/", "/stats", "/about", "/api/v1/resources?ct=Y", "/api/v1/stats",
                "/export/catalog.csv", "/export/catalog.json", "/export/catalog.tex", "/export/catalog.bib",
                "/export/catalog.jsonld", "/feed.atom")) {
            Response first = given().get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            assertThat(etag).as(path).isNotBlank();
            assertThat(lastModified).as(path).isNotBlank();
            given().header("If-None-Match", etag).get(path).then().statusCode(304);
            given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void aNewEntryEventInvalidatesTheCachedViews() {
        String word = Entries.unique("fresh");
        Response before = given().get("/?q=" + word);
        assertThat(before.asString()).contains("No resource matches");
        String id = Entries.unique("fresh");
        Entries.publish(Entries.resource(id, "Fresh " + word, "YYYYYY", "new", List.of(word)));
        Entries.awaitVersion(id, 1);
        given().header("If-None-Match", before.header("ETag")).get("/?q=" + word).then().statusCode(200)
                .body(containsString("/resources/" + id));
    }

    @Test
    void aCachedViewIsServedBeforeJaxRsWithTheSameBytesAndHeaders() {
        for (String path : List.of("/", "/about", "/api/v1/resources?ct=Y&size=3", "/export/catalog.csv", "/feed.atom")) {
            Response rendered = given().get(path + (path.contains("?") ? "&" : "?") + unseenQuery());
            String unique = path + (path.contains("?") ? "&" : "?") + unseenQuery();
            Response first = given().get(unique);
            long before = cachedResponses.served();
            Response second = given().get(unique);
            Response third = given().get(unique);
            assertThat(cachedResponses.served()).as(path).isEqualTo(before + 2);
            assertThat(third.asByteArray()).as(path + ", served again").isEqualTo(first.asByteArray());
            assertThat(second.statusCode()).as(path).isEqualTo(200);
            assertThat(second.asByteArray()).as(path).isEqualTo(first.asByteArray());
            for (String header : List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control",
                    "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options")) {
                assertThat(second.header(header)).as(path + " " + header).isNotNull().isEqualTo(first.header(header));
            }
            assertThat(rendered.header("ETag")).as("another query, another ETag").isNotEqualTo(first.header("ETag"));
            given().header("If-None-Match", first.header("ETag")).get(unique).then().statusCode(304)
                    .header("ETag", first.header("ETag"));
        }
        given().post("/?" + unseenQuery()).then().statusCode(405);
        // content negotiation is not skipped: a cached JSON view is refused to a client that wants XML
        String api = "/api/v1/resources?size=2&" + unseenQuery();
        given().get(api).then().statusCode(200);
        long before = cachedResponses.served();
        given().header("Accept", "application/xml").get(api).then().statusCode(406);
        given().header("Accept", "application/json").get(api).then().statusCode(200);
        assertThat(cachedResponses.served()).isEqualTo(before + 1);
    }

    @Test
    void aClientThatAsksForNoCacheGetsAFreshlyRenderedAnswerWithTheSameValidators() {
        String path = "/api/v1/resources?ct=Y&" + unseenQuery();
        Response first = given().get(path);
        long before = cachedResponses.served();
        Response fresh = given().header("Cache-Control", "no-cache").get(path);
        assertThat(cachedResponses.served()).as("rendered again, not served from the cache").isEqualTo(before);
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(fresh.header("ETag")).isEqualTo(first.header("ETag"));
        given().get(path).then().statusCode(200);
        assertThat(cachedResponses.served()).as("a plain request is served from the cache again").isEqualTo(before + 1);
    }

    /**
     * A query no request has sent yet that means the same as none: an empty search of a new number of spaces
     * (the list, the exports and the feed refuse parameters they do not know, so no made-up one will do).
     */
    private static String unseenQuery() {
        return "q=" + "+".repeat(UNSEEN.incrementAndGet());
    }

    private static final AtomicInteger UNSEEN = new AtomicInteger();

    @Test
    void securityHeadersOnEveryPage() {
        for (String path : List.of("/", "/stats", "/about", "/resources/unknown-id", "/api/v1/resources")) {
            given().get(path).then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", notNullValue());
        }
    }
}
