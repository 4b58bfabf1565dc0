package org.imagingcatalog.model.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of the events on the wire, shared by producers and consumers. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // newer producers may add fields; older consumers must still read the event
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<? extends CatalogEvent>> TYPES = Map.of(
            SubmissionReceived.TYPE, SubmissionReceived.class,
            SubmissionDecided.TYPE, SubmissionDecided.class,
            EntryVersionPublished.TYPE, EntryVersionPublished.class,
            LinkChecked.TYPE, LinkChecked.class,
            ReleasePublished.TYPE, ReleasePublished.class);

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(CatalogEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event " + event.type(), e);
        }
    }

    public static <T extends CatalogEvent> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads any event of the contract, choosing the record by its {@code type}. */
    public static CatalogEvent read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            String type = node.path("type").asText();
            Class<? extends CatalogEvent> target = TYPES.get(type);
            if (target == null) {
                throw new IllegalArgumentException("unknown event type \"" + type + "\"");
            }
            return MAPPER.treeToValue(node, target);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable event: " + e.getMessage(), e);
        }
    }
}
