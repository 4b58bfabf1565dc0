package org.imagingcatalog.publicweb;

import org.imagingcatalog.keycloak.KeycloakTestResource;
import org.imagingcatalog.testsupport.kafka.KafkaTestResource;
import org.imagingcatalog.testsupport.postgres.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against a real Kafka broker, a fresh real PostgreSQL database and a real
 * Keycloak (which only the operator's /admin routes ask: the public pages never do).
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "prefix", value = "publicweb"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
public final class RealPartsTestResources {

    private RealPartsTestResources() {
    }
}
