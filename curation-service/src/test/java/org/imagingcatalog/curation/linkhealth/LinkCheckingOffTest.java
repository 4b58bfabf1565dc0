package org.imagingcatalog.curation.linkhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.net.URL;

import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/** In every other test, as in dev mode and the local stack, link checking is off: nothing is asked, gauges stay 0. */
@QuarkusTest
class LinkCheckingOffTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    LinkCheckJob job;

    @Test
    void nothingIsCheckedTheGaugesExistWithZeroAndThePageSaysSo() {
        try (TestSite site = TestSite.start("127.0.0.25")) {
            assertThat(job.runNow()).isEmpty();
            assertThat(site.seen()).isEmpty();
        }
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("catalog_linkhealth_entries{status=\"BROKEN\"} 0.0",
                "catalog_linkhealth_oldest_check_age_seconds 0.0");
        asCurator().get("/api/v1/link-health").then().statusCode(200).body("checking", org.hamcrest.Matchers.equalTo(false));
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        assertThat(curator.get("/attention").body()).contains("Link checking is off in this installation");
    }
}
