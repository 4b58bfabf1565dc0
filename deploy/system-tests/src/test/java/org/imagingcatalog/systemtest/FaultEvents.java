package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.testsupport.kafka.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The events on a topic as another consumer reads them from offset 0: every copy counts, so a
 * redelivered event (same event id twice) is told apart from a doubled change (two event ids for
 * one change).
 */
final class FaultEvents {

    private final List<JsonNode> records;

    private FaultEvents(List<JsonNode> records) {
        this.records = records;
    }

    /** Reads the topic from offset 0 until {@code done} holds for what was read, or the time runs out. */
    static FaultEvents read(String bootstrap, String topic, Predicate<FaultEvents> done, Duration timeout) {
        List<JsonNode> parsed = new ArrayList<>();
        List<ConsumerRecord<String, String>> all = TopicReader.readUntil(bootstrap, topic, records -> {
            parseNew(records, parsed);
            return done.test(new FaultEvents(parsed));
        }, timeout);
        parseNew(all, parsed);
        return new FaultEvents(List.copyOf(parsed));
    }

    /** Only the events whose {@code field} value is one of {@code values}. */
    FaultEvents where(String field, Set<String> values) {
        return new FaultEvents(records.stream().filter(r -> values.contains(r.path(field).asText())).toList());
    }

    /** Every record read, copies included. */
    int records() {
        return records.size();
    }

    int distinctEvents() {
        return (int) records.stream().map(r -> r.path("eventId").asText()).distinct().count();
    }

    /** Records beyond the first copy of their event: redeliveries that idempotent consumers absorb. */
    int redeliveries() {
        return records() - distinctEvents();
    }

    /** The distinct event ids per key (e.g. submission id, or resource id + "@" + version). */
    Map<String, Set<String>> eventIdsBy(Function<JsonNode, String> key) {
        Map<String, Set<String>> byKey = new HashMap<>();
        for (JsonNode record : records) {
            byKey.computeIfAbsent(key.apply(record), k -> new HashSet<>()).add(record.path("eventId").asText());
        }
        return byKey;
    }

    /** Keys that more than one distinct event claims: a change made or published twice. */
    List<String> doubled(Function<JsonNode, String> key) {
        return eventIdsBy(key).entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .sorted().toList();
    }

    static String entryKey(JsonNode event) {
        return event.path("resourceId").asText() + "@" + event.path("version").asInt();
    }

    private static void parseNew(List<ConsumerRecord<String, String>> records, List<JsonNode> parsed) {
        while (parsed.size() < records.size()) {
            parsed.add(parse(records.get(parsed.size())));
        }
    }

    private static JsonNode parse(ConsumerRecord<String, String> record) {
        try {
            return Http.JSON.readTree(record.value() == null ? "{}" : record.value());
        } catch (IOException e) {
            throw new AssertionError("unreadable event at offset " + record.offset() + ": " + record.value(), e);
        }
    }
}
