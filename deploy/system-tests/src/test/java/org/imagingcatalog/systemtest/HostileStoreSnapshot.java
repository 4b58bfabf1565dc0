package org.imagingcatalog.systemtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.testsupport.postgres.TestDatabase;

/**
 * What the catalog holds, counted where it is kept: rows in each service's database and records on each
 * topic. Two equal snapshots around a run of bad requests mean nothing was stored or published.
 */
final class HostileStoreSnapshot {

    private static final Map<String, String> SUBMISSION = Map.of(
            "submissions", "SELECT count(*) FROM submission",
            "submission outbox rows", "SELECT count(*) FROM outbox_message",
            "submission rounds", "SELECT count(*) FROM submission_round",
            "revised submissions (rounds above 1)", "SELECT coalesce(sum(revision - 1), 0) FROM submission",
            "queued decision mails", "SELECT count(*) FROM outgoing_mail");
    private static final Map<String, String> CURATION = Map.of(
            "review items", "SELECT count(*) FROM review_item",
            "open review items", "SELECT count(*) FROM review_item WHERE status IN ('RECEIVED', 'IN_REVIEW')",
            "claimed review items", "SELECT count(*) FROM review_item WHERE claimed_by IS NOT NULL",
            "review rounds", "SELECT count(*) FROM review_round",
            "decided review items", "SELECT count(*) FROM review_item WHERE decided_at IS NOT NULL",
            "resources", "SELECT count(*) FROM resource",
            "resource versions", "SELECT count(*) FROM resource_version",
            "curator actions (audit, logins aside)", "SELECT count(*) FROM audit_entry WHERE action <> 'LOGIN'",
            "curation outbox rows", "SELECT count(*) FROM outbox_message");
    private static final Map<String, String> PUBLIC = Map.of(
            "public entries", "SELECT count(*) FROM entry",
            "public change log rows", "SELECT count(*) FROM entry_change");

    private HostileStoreSnapshot() {
    }

    static Map<String, Long> take(CatalogStack stack) {
        Map<String, Long> counts = new LinkedHashMap<>();
        count(stack, stack.submission, SUBMISSION, counts);
        count(stack, stack.curation, CURATION, counts);
        count(stack, stack.publicWeb, PUBLIC, counts);
        counts.putAll(topicEnds(stack));
        return counts;
    }

    private static void count(CatalogStack stack, ServiceProcess service, Map<String, String> queries,
            Map<String, Long> counts) {
        try (Connection c = DriverManager.getConnection(stack.database(service).jdbcUrl(), TestDatabase.user(), "");
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> query : new java.util.TreeMap<>(queries).entrySet()) {
                try (ResultSet rs = s.executeQuery(query.getValue())) {
                    rs.next();
                    counts.put(query.getKey(), rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + service.name(), e);
        }
    }

    /** The end offset of every contract topic (records ever written, compaction aside). */
    private static Map<String, Long> topicEnds(CatalogStack stack) {
        Map<String, Long> ends = new LinkedHashMap<>();
        try (Admin admin = stack.kafka.admin()) {
            for (String topic : Topics.all()) {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic);
                Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                long sum = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                        .mapToLong(info -> info.offset()).sum();
                ends.put("records on " + topic, sum);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the topics' end offsets", e);
        }
        return ends;
    }
}
