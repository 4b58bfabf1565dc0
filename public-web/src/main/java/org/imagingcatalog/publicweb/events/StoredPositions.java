package org.imagingcatalog.publicweb.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a read-model consumer starts on the partitions it is given: at the offset stored with the read model (the
 * group's committed offsets are not used), or at the beginning of a partition it has never read.
 */
final class StoredPositions {

    private StoredPositions() {
    }

    static void seek(Consumer<String, String> kafka, Collection<TopicPartition> partitions, Map<Integer, Long> stored) {
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition.partition());
            if (next == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, next);
            }
        }
    }
}
