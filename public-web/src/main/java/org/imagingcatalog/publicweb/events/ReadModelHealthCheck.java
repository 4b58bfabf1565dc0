package org.imagingcatalog.publicweb.events;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready while the consumer loop runs; the data says whether it has caught up with the topic. */
@Readiness
@ApplicationScoped
public class ReadModelHealthCheck implements HealthCheck {

    private final EntryConsumer consumer;

    public ReadModelHealthCheck(EntryConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        ReadModelStatus status = consumer.status();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Catalog read model")
                .status(status.state() != ReadModelStatus.State.STOPPED)
                .withData("state", status.state().name())
                .withData("partitions", status.partitions().toString())
                .withData("caughtUp", status.caughtUp())
                .withData("rebuilds", status.rebuilds())
                .withData("eventsConsumed", status.eventsApplied());
        if (status.lastError() != null) {
            builder.withData("lastError", status.lastError());
        }
        return builder.build();
    }
}
