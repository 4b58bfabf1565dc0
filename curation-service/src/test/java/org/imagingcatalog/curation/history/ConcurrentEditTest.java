package org.imagingcatalog.curation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.imagingcatalog.curation.support.CurationApi;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ConcurrentEditTest {

    @Test
    void twoConcurrentEditsOfTheSameVersionGiveOneSuccessAndOneConflict() throws Exception {
        String id = CurationApi.createResource("race");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 5; round++) {
                int base = round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (String name : List.of("Edit A " + round, "Edit B " + round)) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return asCurator().header("If-Match", "\"" + base + "\"").body(Map.of("name", name, "reason", "race"))
                                .put("/api/v1/resources/{id}", id);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                String winner = null;
                for (Future<Response> answer : answers) {
                    Response r = answer.get(30, TimeUnit.SECONDS);
                    statuses.add(r.statusCode());
                    if (r.statusCode() == 200) {
                        winner = r.jsonPath().getString("snapshot.name");
                    } else {
                        assertThat(r.jsonPath().getInt("currentVersion")).isEqualTo(base + 1);
                    }
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
                asCurator().get("/api/v1/resources/{id}", id).then()
                        .body("version", equalTo(base + 1)).body("snapshot.name", equalTo(winner));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(asCurator().get("/api/v1/resources/{id}/versions", id).jsonPath().getList("version", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }
}
