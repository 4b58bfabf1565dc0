package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.model.seed.SeedCatalog;
import org.junit.jupiter.api.Test;

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
        // other system tests add and change resources in the same stack: only the seed's entries are checked
        List<String> seedIds = SeedCatalog.load().stream().map(e -> e.resource().id()).toList();
        for (String id : seedIds) {
            Http.await(stack.publicWeb.url() + "/api/v1/resources/" + id, r -> r.status() == 200, Duration.ofSeconds(90));
            List<Integer> versions = new ArrayList<>();
            Http.get(stack.publicWeb.url() + "/api/v1/resources/" + id + "/history").json().path("versions")
                    .forEach(v -> versions.add(v.path("version").asInt()));
            assertThat(versions).as("public change log of %s", id).contains(1).doesNotHaveDuplicates();
            assertThat(versions.get(versions.size() - 1)).as("oldest version of %s", id).isEqualTo(1);
        }
    }
}
