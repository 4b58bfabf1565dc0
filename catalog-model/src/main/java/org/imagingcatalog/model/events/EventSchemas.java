package org.imagingcatalog.model.events;

import java.io.InputStream;
import java.util.Map;

/** Where the JSON Schema of each event (and of the resource they embed) lives on the classpath. */
public final class EventSchemas {

    public static final String RESOURCE = "/schemas/resource.v1.json";
    private static final Map<Class<? extends CatalogEvent>, String> PATHS = Map.of(
            SubmissionReceived.class, "/schemas/submission-received.v1.json",
            SubmissionDecided.class, "/schemas/submission-decided.v1.json",
            EntryVersionPublished.class, "/schemas/entry-version-published.v1.json",
            LinkChecked.class, "/schemas/link-checked.v1.json",
            ReleasePublished.class, "/schemas/release-published.v1.json");

    private EventSchemas() {
    }

    public static String resourcePath(Class<? extends CatalogEvent> type) {
        return PATHS.get(type);
    }

    public static InputStream open(Class<? extends CatalogEvent> type) {
        return EventSchemas.class.getResourceAsStream(resourcePath(type));
    }
}
