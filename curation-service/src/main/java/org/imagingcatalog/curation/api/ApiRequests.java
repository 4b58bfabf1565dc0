package org.imagingcatalog.curation.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Request bodies of the curation API. */
public final class ApiRequests {

    private ApiRequests() {
    }

    /** {@code outcome}: ACCEPT, REJECT or REQUEST_CHANGES; {@code edits}: resource fields to change before accepting. */
    public record DecisionRequest(String outcome, String message, JsonNode edits) {
    }

    public record RevertRequest(Integer toVersion, String reason) {
    }

    public record ReasonRequest(String reason) {
    }
}
