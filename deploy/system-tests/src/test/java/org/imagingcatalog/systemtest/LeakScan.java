package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.imagingcatalog.model.Topics;

/**
 * Looks for a marker (a submitter's e-mail address) everywhere the catalog writes: every record of every
 * topic from offset 0, every page and export it is asked for, every line of every service log.
 */
final class LeakScan {

    private final String marker;
    private final List<String> hits = new ArrayList<>();
    private int records;
    private int pages;
    private long logLines;
    private int logFiles;

    LeakScan(String marker) {
        this.marker = marker.toLowerCase(Locale.ROOT);
    }

    /** Every record (key, value, headers) of the contract's topics, read from offset 0 to their current end. */
    void topics(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "leak-scan-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.all()) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            Instant deadline = Instant.now().plusSeconds(60);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the topics could not be read to their end within a minute");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    StringBuilder all = new StringBuilder(text(record.key())).append(' ').append(text(record.value()));
                    record.headers().forEach(h -> all.append(' ').append(h.key()).append('=').append(text(h.value())));
                    look("topic " + record.topic() + "@" + record.partition() + ":" + record.offset(), all.toString());
                }
            }
        }
    }

    /** A page, answer or export as a reader (or the curator) got it. */
    void page(String where, String body) {
        pages++;
        look(where, body);
    }

    /** Every line of every log file in {@code dir}. */
    void logs(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                logFiles++;
                try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                    lines.forEach(line -> {
                        logLines++;
                        look("log " + file.getFileName(), line);
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void look(String where, String text) {
        if (text != null && text.toLowerCase(Locale.ROOT).contains(marker)) {
            int at = text.toLowerCase(Locale.ROOT).indexOf(marker);
            hits.add(where + ": …" + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80)) + "…");
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    List<String> hits() {
        return hits;
    }

    String summary() {
        return records + " topic records, " + pages + " pages and exports, " + logLines + " log lines in " + logFiles
                + " files scanned; " + hits.size() + " hits";
    }
}
