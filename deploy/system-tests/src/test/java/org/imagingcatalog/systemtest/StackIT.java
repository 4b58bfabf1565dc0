package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.model.seed.SeedCatalog;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The stack comes up as built, and the seed flows from curation through Kafka to the public catalog. */
class StackIT {

    private final CatalogStack stack = CatalogStack.shared();

    @Test
    void everyServiceIsReady() {
        for (ServiceProcess service : List.of(stack.submission, stack.curation, stack.publicWeb)) {
            assertThat(service.isReady()).as(service.name()).isTrue();
        }
    }

    @Test
    void theSeedIsPublishedOnceAndReachesThePublicCatalog() {
        JsonNode page = Http.await(stack.publicWeb.url() + "/api/v1/resources?size=100",
                r -> r.status() == 200 && r.json().path("total").asInt() >= 13, Duration.ofSeconds(90)).json();
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).containsAll(SeedCatalog.load().stream().map(e -> e.resource().id()).toList());
        for (JsonNode item : page.path("items")) {
            assertThat(item.path("version").asInt()).as(item.path("id").asText()).isEqualTo(1);
        }
    }
}
