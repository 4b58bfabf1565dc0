package org.imagingcatalog.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Part 4: submissions per second accepted by POST /api/v1/submissions at several concurrency levels (rate
 * limit raised), every 202 id matched against catalog.submissions.v1 read by a consumer, and the outbox
 * relay's lag from the 202 to the record on the topic.
 */
final class IntakePart {

    private final Options options;
    private final Http http;
    private final Report report;
    private final RssMonitor rss;

    IntakePart(Options options, Http http, Report report, RssMonitor rss) {
        this.options = options;
        this.http = http;
        this.report = report;
        this.rss = rss;
    }

    void run(ServiceInstance submission, String bootstrap) {
        report.section("4. Intake: submissions accepted per second, none lost, outbox relay lag");
        List<Integer> levels = options.quick() ? List.of(1, 4) : List.of(1, 4, 16);
        int seconds = options.quick() ? 3 : 10;
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        AtomicInteger counter = new AtomicInteger();
        EntryGenerator generator = new EntryGenerator();
        List<List<String>> rows = new ArrayList<>();
        boolean allArrived = true;
        double best = 0;
        try (TopicWatcher watcher = new TopicWatcher(bootstrap, arrived)) {
            rss.phase("intake");
            for (int level : levels) {
                List<Double> rates = new ArrayList<>();
                List<Double> lags = new ArrayList<>();
                List<Double> relayRates = new ArrayList<>();
                long maxPending = 0;
                long accepted = 0;
                long refused = 0;
                long lost = 0;
                for (int run = 0; run < options.runs(); run++) {
                    Map<String, Long> answered = new ConcurrentHashMap<>();
                    AtomicLong refusedNow = new AtomicLong();
                    long end = System.nanoTime() + seconds * 1_000_000_000L;
                    ExecutorService pool = Executors.newFixedThreadPool(level);
                    List<Future<?>> futures = new ArrayList<>();
                    long start = System.nanoTime();
                    for (int t = 0; t < level; t++) {
                        futures.add(pool.submit(() -> {
                            while (System.nanoTime() < end) {
                                int n = counter.incrementAndGet();
                                Http.Reply reply = http.send("POST", submission.url() + "/api/v1/submissions",
                                        body(generator, n), "Content-Type", "application/json");
                                if (reply.status() == 202) {
                                    answered.put(reply.json().path("id").asText(), System.nanoTime());
                                } else {
                                    refusedNow.incrementAndGet();
                                    if (refusedNow.get() <= 3) {
                                        System.err.println("bench: submission answered " + reply.status() + ": " + reply.text());
                                    }
                                }
                            }
                            return null;
                        }));
                    }
                    while (futures.stream().anyMatch(f -> !f.isDone())) {
                        long seen = answered.keySet().stream().filter(arrived::containsKey).count();
                        maxPending = Math.max(maxPending, answered.size() - seen);
                        Procs.sleep(50);
                    }
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    pool.shutdown();
                    rates.add(answered.size() / elapsed);
                    accepted += answered.size();
                    refused += refusedNow.get();
                    // drain: wait while the relay makes progress; give up after 30 s without any new record
                    long lastProgress = System.currentTimeMillis();
                    long seenBefore = -1;
                    while (!arrived.keySet().containsAll(answered.keySet())
                            && System.currentTimeMillis() - lastProgress < 30_000) {
                        long seen = answered.keySet().stream().filter(arrived::containsKey).count();
                        maxPending = Math.max(maxPending, answered.size() - seen);
                        if (seen != seenBefore) {
                            seenBefore = seen;
                            lastProgress = System.currentTimeMillis();
                        }
                        Procs.sleep(50);
                    }
                    long firstAnswer = answered.values().stream().mapToLong(Long::longValue).min().orElse(start);
                    long lastArrival = answered.keySet().stream().map(arrived::get).filter(java.util.Objects::nonNull)
                            .mapToLong(Long::longValue).max().orElse(firstAnswer);
                    long relayed = answered.keySet().stream().filter(arrived::containsKey).count();
                    relayRates.add(relayed / Math.max(1e-3, (lastArrival - firstAnswer) / 1e9));
                    for (var e : answered.entrySet()) {
                        Long at = arrived.get(e.getKey());
                        if (at == null) {
                            lost++;
                        } else {
                            lags.add((at - e.getValue()) / 1e6);
                        }
                    }
                }
                allArrived &= lost == 0;
                best = Math.max(best, Stats.median(rates));
                rows.add(List.of(Integer.toString(level), Stats.num(Stats.median(rates)), Stats.num(Stats.median(relayRates)),
                        Long.toString(accepted),
                        Long.toString(refused), Long.toString(lost), Stats.ms(Stats.percentile(lags, 50)),
                        Stats.ms(Stats.percentile(lags, 99)), Stats.ms(Stats.max(lags)), Long.toString(maxPending)));
                System.err.printf("bench: intake at %d clients: %.0f/s%n", level, Stats.median(rates));
            }
            rss.phase("idle");
        }
        report.paragraph("Each level runs " + options.runs() + " x " + seconds + " s of back-to-back `POST /api/v1/submissions` "
                + "(kind NEW, a generated resource, no e-mail) from N client threads against a benchmark instance with the "
                + "rate limit raised (`CATALOG_SUBMISSION_RATE_LIMIT_PER_MINUTE=100000000`). A consumer reads "
                + "`catalog.submissions.v1` from its end; every 202 id must arrive there: after the run the part waits as long "
                + "as new records keep arriving, and counts as missing what has not arrived after 30 s without progress. "
                + "Relayed/s = records of the run on the topic / time from the first 202 to the last record. Relay lag = record received by the consumer - 202 received by the client. Pending = accepted but "
                + "not yet on the topic, sampled every 50 ms.");
        report.table(List.of("clients", "accepted/s (median)", "relayed/s (median)", "accepted", "refused",
                "missing", "relay lag p50 ms",
                "p99 ms", "max ms", "max pending"), rows);
        report.goal("intake", "no accepted submission lost", allArrived ? "every 202 id on the topic" : "some 202 ids missing on the topic", allArrived, null);
        report.goal("intake", "(no numeric goal) accepted/s", Stats.num(best) + "/s best level", null, "for reference");
    }

    private static String body(EntryGenerator generator, int n) {
        Resource r = generator.entry(500_000 + n);
        ObjectNode proposed = EventJson.mapper().valueToTree(r);
        proposed.put("name", r.name() + " " + n);
        proposed.remove("id");
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("kind", "NEW");
        body.set("proposed", proposed);
        body.put("comment", "benchmark submission " + n);
        body.putObject("submitter").put("name", "Bench Contributor");
        return body.toString();
    }

    /** Records when each submission id first appears on the topic (read from its end at start). */
    private static final class TopicWatcher implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        TopicWatcher(String bootstrap, Map<String, Long> arrived) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBMISSIONS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            thread = new Thread(() -> {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        String id = record.key();
                        try {
                            id = Http.JSON.readTree(record.value()).path("submissionId").asText(id);
                        } catch (Exception ignored) {
                            // keep the key
                        }
                        arrived.putIfAbsent(id, now);
                    }
                }
                consumer.close();
            }, "submissions-watcher");
            thread.start();
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
