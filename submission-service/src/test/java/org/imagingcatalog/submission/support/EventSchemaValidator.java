package org.imagingcatalog.submission.support;

import java.util.Set;

import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.events.EventSchemas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates event JSON against the contract's JSON Schemas shipped in catalog-model. */
public final class EventSchemaValidator {

    private static final String BASE = "https://imagingcatalog.org/schemas/";

    private EventSchemaValidator() {
    }

    public static Set<ValidationMessage> validate(Class<? extends CatalogEvent> type, String json) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        String path = EventSchemas.resourcePath(type);
        JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + path.substring(path.lastIndexOf('/') + 1)), config);
        return schema.validate(json, InputFormat.JSON);
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper();
    }
}
