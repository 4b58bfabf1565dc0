package org.imagingcatalog.publicweb.readmodel;

import java.time.Instant;

import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/** JSON in and out of the read model's text columns, with the contract's mapper. */
final class ReadModelJson {

    private ReadModelJson() {
    }

    static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the read model holds unreadable JSON", e);
        }
    }

    /** When the version was made, which is what the change log and Last-Modified show. */
    static Instant publishedAt(EntryVersionPublished event) {
        return event.versionCreatedAt() != null ? event.versionCreatedAt() : event.occurredAt();
    }
}
