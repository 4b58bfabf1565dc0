package org.imagingcatalog.submission.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.validation.FieldError;
import org.junit.jupiter.api.Test;

/** The submission rules on their own, with an in-memory published catalog. */
class SubmissionRulesTest {

    private static final Resource ACTIVE = resource("lung-ct", "Lung CT", ResourceStatus.ACTIVE);
    private static final Resource WITHDRAWN = resource("old-xray", "Old X-ray", ResourceStatus.WITHDRAWN);
    private static final Map<String, Resource> PUBLISHED = Map.of(ACTIVE.id(), ACTIVE, WITHDRAWN.id(), WITHDRAWN);

    private final SubmissionRules rules = new SubmissionRules(id -> Optional.ofNullable(PUBLISHED.get(id)));

    @Test
    void aValidNewResourcePasses() {
        assertThat(rules.check(request(SubmissionKind.NEW, null, resource(null, "New", null), null))).isEmpty();
    }

    @Test
    void aNewResourceMayNotTakeAPublishedId() {
        assertThat(fields(rules.check(request(SubmissionKind.NEW, null, resource("lung-ct", "Other", null), null))))
                .containsExactly("proposed.id");
    }

    @Test
    void aCorrectionMustChangeSomethingKeepTheIdAndSayWhy() {
        assertThat(fields(rules.check(request(SubmissionKind.CORRECTION, "lung-ct", ACTIVE.content().withId(null), null))))
                .containsExactly("comment", "proposed");
        assertThat(fields(rules.check(request(SubmissionKind.CORRECTION, "lung-ct", resource("other-id", "Lung CT 2", null),
                "renamed")))).containsExactly("proposed.id");
        assertThat(rules.check(request(SubmissionKind.CORRECTION, "lung-ct", resource(null, "Lung CT 2", null), "renamed")))
                .isEmpty();
    }

    @Test
    void withdrawnAndUnknownResourcesAreRefusedWithTheirReason() {
        List<FieldError> unknown = rules.check(request(SubmissionKind.WITHDRAWAL, "nope-nope", null, "why"));
        assertThat(unknown).extracting(FieldError::message).containsExactly("There is no published resource with id \"nope-nope\".");
        List<FieldError> withdrawn = rules.check(request(SubmissionKind.WITHDRAWAL, "old-xray", null, "why"));
        assertThat(withdrawn.get(0).message()).contains("has been withdrawn").contains("cannot be withdrawn any more");
    }

    @Test
    void theFormsAndTheApiAskTheSameTargetRule() {
        assertThat(rules.target("lung-ct").isActive()).isTrue();
        assertThat(rules.target("lung-ct").resource()).isEqualTo(ACTIVE);
        assertThat(rules.target("nope-nope").refusal()).isEqualTo(PublishedTarget.Refusal.UNKNOWN);
        assertThat(rules.target("Not A Slug").refusal()).isEqualTo(PublishedTarget.Refusal.UNKNOWN);
        assertThat(rules.target("old-xray").refusal()).isEqualTo(PublishedTarget.Refusal.WITHDRAWN);
    }

    @Test
    void resourceErrorsAreNamedAndReadOnTheirOwn() {
        Resource bad = new Resource("Bad Id", null, "ftp://x", null, null, null, null, null, null, null,
                List.of("PNG", "png"), null, null, null, null, null);
        List<FieldError> errors = rules.check(request(SubmissionKind.NEW, null, bad, null));
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("proposed.id", "proposed.name", "proposed.url", "proposed.formats[1]");
        assertThat(errors).extracting(FieldError::message).contains("Name is required.")
                .anyMatch(m -> m.startsWith("URL must be an absolute http"))
                .anyMatch(m -> m.startsWith("Formats (item 2) repeats"));
    }

    private static SubmissionRequest request(SubmissionKind kind, String resourceId, Resource proposed, String comment) {
        return new SubmissionRequest(kind, resourceId, proposed, List.of(), comment, "Ada", "ada@example.org", null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static Resource resource(String id, String name, ResourceStatus status) {
        return new Resource(id, name, "https://example.org/" + name.replace(' ', '-'), "Scans.", "Lab",
                new Modalities(Availability.Y, Availability.N, Availability.N, Availability.U), Availability.Y,
                Availability.U, "CC0-1.0", Access.OPEN, List.of("DICOM"), new Counts(1L, null, null), List.of(),
                List.of("lung"), status == null ? null : 1, status);
    }
}
