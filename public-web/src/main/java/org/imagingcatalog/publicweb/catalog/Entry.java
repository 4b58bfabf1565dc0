package org.imagingcatalog.publicweb.catalog;

import java.time.Instant;

import org.imagingcatalog.kit.licences.SpdxLicences;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.events.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** The SPDX id or expression the stated licence maps to, or null (the contract's read-side {@code licenseSpdx}). */
    public String licenseSpdx() {
        return SpdxLicences.spdxOf(resource.license());
    }

    /**
     * The resource as the public API answers it: the contract JSON with what the read side adds, {@code licenseSpdx}
     * and the latest check of its {@code link}.
     */
    public String publicJson(LinkHealth link) {
        try {
            ObjectNode node = (ObjectNode) EventJson.mapper().readTree(json);
            node.put("licenseSpdx", licenseSpdx());
            node.set("link", EventJson.mapper().valueToTree(link.json()));
            return EventJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the read model holds unreadable JSON", e);
        }
    }
}
