package org.imagingcatalog.submission.api;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * {@code proposed} is described by the resource's own schema (every field, the trust fields too), but a
 * CORRECTION's {@code proposed} is a merge patch naming only what changes: nothing in it is required, so the
 * resource's {@code required} (name, url, which a NEW proposal needs, as the description says) is dropped there.
 */
public class ProposedSchemaFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Schema request = openApi.getComponents().getSchemas().get("SubmissionRequest");
        Schema proposed = request == null || request.getProperties() == null ? null : request.getProperties().get("proposed");
        if (proposed != null) {
            proposed.setRequired(null);
        }
    }
}
