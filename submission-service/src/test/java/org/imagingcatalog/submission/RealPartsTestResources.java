package org.imagingcatalog.submission;

import org.imagingcatalog.keycloak.KeycloakTestResource;
import org.imagingcatalog.submission.support.SmtpTestResource;
import org.imagingcatalog.testsupport.kafka.KafkaTestResource;
import org.imagingcatalog.testsupport.postgres.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this service runs against a real Kafka broker, a fresh real PostgreSQL database and
 * a real Keycloak and a real SMTP server (GreenMail), each started once per test JVM.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "prefix", value = "submission"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
public final class RealPartsTestResources {

    private RealPartsTestResources() {
    }
}
