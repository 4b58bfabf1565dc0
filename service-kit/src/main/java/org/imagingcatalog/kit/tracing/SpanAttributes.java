package org.imagingcatalog.kit.tracing;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import org.imagingcatalog.model.Topics;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes of the catalog's own spans: OpenTelemetry's messaging conventions for the Kafka side, and the two
 * ids an operator searches a trace by. A record's key is the submission id on the submission and decision topics and
 * the resource id on the others.
 */
public final class SpanAttributes {

    public static final AttributeKey<String> SUBMISSION_ID = stringKey("catalog.submission.id");
    public static final AttributeKey<String> RESOURCE_ID = stringKey("catalog.resource.id");
    static final AttributeKey<Long> OUTBOX_ROW = longKey("catalog.outbox.id");

    static final AttributeKey<String> MESSAGING_SYSTEM = stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_KEY = stringKey("messaging.kafka.message.key");
    static final AttributeKey<String> PARTITION = stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = longKey("messaging.kafka.offset");
    static final AttributeKey<String> CONSUMER_GROUP = stringKey("messaging.consumer.group.name");

    private SpanAttributes() {
    }

    /** Which id a record key of {@code topic} is. */
    public static AttributeKey<String> keyOf(String topic) {
        return Topics.SUBMISSIONS.equals(topic) || Topics.DECISIONS.equals(topic) ? SUBMISSION_ID : RESOURCE_ID;
    }
}
