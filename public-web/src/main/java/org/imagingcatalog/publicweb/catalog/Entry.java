package org.imagingcatalog.publicweb.catalog;

import java.time.Instant;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;

/** A published entry as the read model holds it: the newest version's resource and its contract JSON. */
public record Entry(Resource resource, String json, Instant updatedAt, String reason) {

    public boolean withdrawn() {
        return resource.status() == ResourceStatus.WITHDRAWN;
    }
}
