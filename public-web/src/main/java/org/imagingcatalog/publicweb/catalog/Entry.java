package org.imagingcatalog.publicweb.catalog;

import java.time.Instant;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.events.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A published entry as the read model holds it: the newest version's resource and its contract JSON. */
public record Entry(Resource resource, String json, Instant updatedAt, String reason) {

    /** The entry of a stored row: its contract JSON, read back into the resource. */
    public static Entry of(String json, Instant updatedAt, String reason) {
        try {
            return new Entry(EventJson.mapper().readValue(json, Resource.class), json, updatedAt, reason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the read model holds unreadable JSON", e);
        }
    }

    public boolean withdrawn() {
        return resource.status() == ResourceStatus.WITHDRAWN;
    }
}
