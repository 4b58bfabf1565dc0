package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.imagingcatalog.testsupport.Quietly;

/**
 * The PostgreSQL server restarted under load: while it is down every service answers 503 with a
 * clear problem or page (never a stack trace) and reports itself not ready; once it is back they
 * recover by themselves, and no submission that was answered 202 is lost.
 */
class FaultDatabaseRestartIT {

    private static final Duration DOWN_FOR = Duration.ofSeconds(8);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    private final FaultStack faults = FaultStack.get();

    @Test
    void servicesAnswer503WhileTheDatabaseIsDownAndRecoverByThemselves() {
        String run = FaultSubmissions.runId();
        String tag = "fault-db-" + run;
        FaultSubmissions.Receipt tracked = FaultSubmissions.send(faults.submission().url(),
                List.of(FaultSubmissions.newResource("db-" + run + "-tracked", tag)), 1, n -> { }).accepted().get(0);
        Set<String> accepted = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger sequence = new AtomicInteger();

        List<FaultProbe> probes = probes(run, tag, tracked, accepted, sequence);
        Map<ServiceProcess, FaultProbe> readiness = new LinkedHashMap<>();
        for (ServiceProcess service : List.of(faults.submission(), faults.curation(), faults.publicWeb())) {
            readiness.put(service, new FaultProbe(service.name(), "ready", () -> Http.get(service.url() + "/q/health/ready")));
        }
        probes.forEach(p -> p.start(100));
        readiness.values().forEach(p -> p.start(250));
        Quietly.sleep(3000);

        Instant stopBegan = Instant.now();
        faults.postgres.stop();
        Instant down = Instant.now();
        Quietly.sleep(DOWN_FOR.toMillis());
        Instant startBegan = Instant.now();
        faults.postgres.start();
        Instant back = Instant.now();

        Map<String, Duration> recovery = awaitRecovery(probes, readiness, back);
        Quietly.sleep(1000);
        probes.forEach(FaultProbe::stop);
        readiness.values().forEach(FaultProbe::stop);

        FaultReport.Section report = FaultReport.section("c", "PostgreSQL restarted under load")
                .seconds("database stopping (fast shutdown)", Duration.between(stopBegan, down))
                .seconds("database down", Duration.between(down, startBegan))
                .seconds("database starting", Duration.between(startBegan, back));
        for (FaultProbe probe : probes) {
            report.figure(probe.service + " " + probe.what + ": answers while down (status: count)",
                    FaultProbe.statusCounts(probe.between(down, startBegan)));
        }
        recovery.forEach((service, took) -> report.seconds(service + " answering again after the database was back", took));

        // nothing accepted is lost: every 202 is stored once and reaches the review queue once
        int stored = (int) faults.count(faults.submission(), "SELECT count(*) FROM submission WHERE comment = ?", tag);
        List<String> queued = FaultCuration.ids(FaultCuration.awaitQueued(faults, tag, accepted.size() + 1,
                Duration.ofSeconds(60)));
        report.figure("submissions answered 202 during the test", accepted.size())
                .figure("submissions stored / queued in curation", stored + " / " + queued.size())
                .publish();

        for (FaultProbe probe : probes) {
            List<FaultProbe.Answer> whileDown = probe.between(down, startBegan);
            assertThat(probe.answers()).as(probe.what + ": no answer gives away a stack trace or internals")
                    .noneMatch(FaultProbe.Answer::leaksInternals);
            assertThat(probe.answers()).as(probe.what + ": no 5xx other than 503, no hanging request")
                    .allMatch(a -> a.status() != 0 && (a.status() < 500 || a.status() == 503));
            assertThat(whileDown).as(probe.what + ": answers while the database was down").isNotEmpty()
                    .allMatch(a -> a.status() / 100 == 2 || a.status() == 503);
        }
        for (String service : List.of("submission-service", "curation-service", "public-web")) {
            assertThat(probes.stream().filter(p -> p.service.equals(service))
                    .flatMap(p -> p.between(down, startBegan).stream()))
                    .as(service + " says 503 while its database is down").anyMatch(a -> a.status() == 503);
        }
        readiness.forEach((service, probe) -> {
            assertThat(probe.between(down, startBegan)).as(service.name() + " is not ready while the database is down")
                    .anyMatch(a -> a.status() == 503);
            assertThat(service.isReady()).as(service.name() + " is ready again").isTrue();
        });
        Set<String> acceptedIds = new HashSet<>(accepted);
        acceptedIds.add(tracked.id().toString());
        assertThat(stored).as("stored submissions are exactly those answered 202").isEqualTo(acceptedIds.size());
        assertThat(queued).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acceptedIds);
    }

    /** Requests that need each service's database: JSON API and HTML pages, reading and writing. */
    private List<FaultProbe> probes(String run, String tag, FaultSubmissions.Receipt tracked, Set<String> accepted,
            AtomicInteger sequence) {
        String submission = faults.submission().url();
        String curation = faults.curation().url();
        String publicWeb = faults.publicWeb().url();
        List<FaultProbe> probes = new ArrayList<>();
        probes.add(new FaultProbe("submission-service", "POST /api/v1/submissions", () -> {
            Http.Reply reply = Http.postJson(submission + "/api/v1/submissions",
                    FaultSubmissions.newResource("db-%s-%04d".formatted(run, sequence.incrementAndGet()), tag));
            if (reply.status() == 202) {
                accepted.add(reply.json().path("id").asText());
            }
            return reply;
        }));
        probes.add(new FaultProbe("submission-service", "GET /api/v1/submissions/{token}",
                () -> Http.get(submission + "/api/v1/submissions/" + tracked.token())));
        probes.add(new FaultProbe("submission-service", "GET /track/{token}",
                () -> Http.get(submission + "/track/" + tracked.token(), "Accept", "text/html")));
        probes.add(new FaultProbe("curation-service", "GET /api/v1/resources/{id}",
                () -> Http.get(curation + "/api/v1/resources/covid-ct", faults.asCurator())));
        probes.add(new FaultProbe("curation-service", "GET /api/v1/queue?kind=WITHDRAWAL",
                () -> Http.get(curation + "/api/v1/queue?kind=WITHDRAWAL", faults.asCurator())));
        // a new search each time, so no cached page can answer for the database
        probes.add(new FaultProbe("public-web", "GET /api/v1/resources?q=",
                () -> Http.get(publicWeb + "/api/v1/resources?q=chest" + UUID.randomUUID().toString().substring(0, 4))));
        probes.add(new FaultProbe("public-web", "GET /?q= (HTML)",
                () -> Http.get(publicWeb + "/?q=lung" + UUID.randomUUID().toString().substring(0, 4), "Accept", "text/html")));
        return probes;
    }

    /** Time from the database being back to each service's first success on every probe and readiness. */
    private Map<String, Duration> awaitRecovery(List<FaultProbe> probes, Map<ServiceProcess, FaultProbe> readiness,
            Instant back) {
        Instant deadline = back.plus(RECOVERY_LIMIT);
        Map<String, Duration> recovery = new LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            recovery.clear();
            for (Map.Entry<ServiceProcess, FaultProbe> service : readiness.entrySet()) {
                List<FaultProbe> all = new ArrayList<>(probes.stream()
                        .filter(p -> p.service.equals(service.getKey().name())).toList());
                all.add(service.getValue());
                List<Instant> firsts = all.stream().map(p -> p.firstSuccessFrom(back)).toList();
                if (firsts.stream().allMatch(java.util.Objects::nonNull)) {
                    recovery.put(service.getKey().name(), Duration.between(back,
                            firsts.stream().max(Instant::compareTo).orElseThrow()));
                }
            }
            if (recovery.size() == readiness.size()) {
                return recovery;
            }
            Quietly.sleep(250);
        }
        throw new AssertionError("not every service recovered within " + RECOVERY_LIMIT + " of the database's return: "
                + recovery.keySet() + " did; last answers: " + probes.stream().map(p -> p.what + " "
                        + p.answers().get(p.answers().size() - 1)).collect(Collectors.joining("; ")));
    }

}
