package org.imagingcatalog.testsupport.schema;

import java.util.List;

import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.EventSchemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks an event's JSON, as read from the broker, against catalog-model's JSON Schema for its type. */
public final class EventSchemaCheck {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://imagingcatalog.org/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemaCheck() {
    }

    /** Every violation of the schema of {@code type}; empty when the JSON is valid. */
    public static List<String> violations(Class<? extends CatalogEvent> type, String json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            String path = EventSchemas.resourcePath(type).substring(1);
            return FACTORY.getSchema(SchemaLocation.of("classpath:" + path), CONFIG).validate(node).stream()
                    .map(ValidationMessage::getMessage).toList();
        } catch (java.io.IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }
}
