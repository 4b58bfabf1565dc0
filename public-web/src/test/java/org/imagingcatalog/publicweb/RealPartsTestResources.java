package org.imagingcatalog.publicweb;

import org.imagingcatalog.testsupport.kafka.KafkaTestResource;
import org.imagingcatalog.testsupport.postgres.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs against a real Kafka broker and a fresh real PostgreSQL database. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "prefix", value = "publicweb"))
@QuarkusTestResource(KafkaTestResource.class)
public final class RealPartsTestResources {

    private RealPartsTestResources() {
    }
}
