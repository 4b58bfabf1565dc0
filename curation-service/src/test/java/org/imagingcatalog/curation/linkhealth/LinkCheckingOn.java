package org.imagingcatalog.curation.linkhealth;

import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with link checking on, against servers the tests start on loopback addresses only: loopback-only
 * refuses everything else (the seed's real addresses included), DOIs resolve at a resolver of the tests' own, no
 * scheduled run comes by itself (the tests run the job), proposals are swept every second.
 */
public class LinkCheckingOn implements QuarkusTestProfile {

    /** Where this profile's DOIs resolve: a test site, so a DOI's landing page never means doi.org. */
    public static final TestSite DOI_RESOLVER = TestSite.start("127.0.0.1");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("catalog.linkcheck.enabled", "true",
                "catalog.linkcheck.loopback-only", "true",
                "catalog.linkcheck.every", "1h",
                "catalog.linkcheck.first-after", "1h",
                "catalog.linkcheck.proposals-every", "1s",
                "catalog.linkcheck.per-host-delay", "0s",
                "catalog.linkcheck.request-timeout", "5s",
                "catalog.linkcheck.doi-resolver", DOI_RESOLVER.url("/"),
                "catalog.metrics.refresh-every", "1s");
    }

    /** A resource with this address, published as version 1 through an accepted NEW submission. */
    public static String entryAt(String prefix, String url) {
        String id = Submissions.uniqueId(prefix);
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, resource(id, url), "please add");
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT", "message", "welcome"))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200);
        return id;
    }

    /** A proposal of a resource at this address. */
    public static Resource resource(String id, String url) {
        return new Resource(id, "Collection " + id, url, "A test collection of chest images.",
                "Example University", new Modalities(Availability.U, Availability.Y, Availability.N, Availability.U),
                Availability.Y, Availability.N, "CC-BY-4.0", Access.OPEN, List.of("PNG"), new Counts(100L, 1000L, null),
                List.of("classification"), List.of("chest"), null, null);
    }
}
