package org.imagingcatalog.submission.proposals;

import org.imagingcatalog.model.Resource;

/**
 * The published resource a correction or withdrawal names, or why it cannot be named: no resource has
 * the id, or it has been withdrawn. The form and the API ask the same rule and word the answer their way.
 *
 * @param resource the published, still active resource (null when refused)
 * @param refusal why the id cannot be a target (null when it can)
 */
public record PublishedTarget(String resourceId, Resource resource, Refusal refusal) {

    public enum Refusal {
        /** No published resource has this id. */
        UNKNOWN,
        /** The resource has been withdrawn from the catalog. */
        WITHDRAWN
    }

    static PublishedTarget active(String resourceId, Resource resource) {
        return new PublishedTarget(resourceId, resource, null);
    }

    static PublishedTarget refused(String resourceId, Refusal refusal) {
        return new PublishedTarget(resourceId, null, refusal);
    }

    public boolean isActive() {
        return refusal == null;
    }
}
