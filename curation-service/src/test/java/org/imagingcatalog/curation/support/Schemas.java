package org.imagingcatalog.curation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.EventSchemas;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks event JSON against catalog-model's JSON Schemas (2020-12). */
public final class Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://imagingcatalog.org/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Schemas() {
    }

    public static void assertValid(Class<? extends CatalogEvent> type, String json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + EventSchemas.resourcePath(type).substring(1)),
                CONFIG);
        try {
            Set<ValidationMessage> errors = schema.validate(EventJson.mapper().readTree(json));
            assertThat(errors).as("%s against its schema: %s", type.getSimpleName(), json).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
