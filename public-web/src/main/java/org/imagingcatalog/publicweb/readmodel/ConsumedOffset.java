package org.imagingcatalog.publicweb.readmodel;

import java.io.Serializable;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The next offset to read in one partition, committed with the changes it led to. */
@Entity
@Table(name = "consumer_offset")
@IdClass(ConsumedOffset.Key.class)
public class ConsumedOffset extends PanacheEntityBase {

    public record Key(String topic, int partition) implements Serializable {
    }

    @Id
    public String topic;
    @Id
    @Column(name = "partition")
    public int partition;
    @Column(name = "next_offset")
    public long nextOffset;

    /** Stores the next offset of each partition; inside the transaction of the changes they led to. */
    static void store(String topic, Map<Integer, Long> nextOffsets) {
        nextOffsets.forEach((partition, next) -> {
            ConsumedOffset offset = findById(new Key(topic, partition));
            if (offset == null) {
                offset = new ConsumedOffset();
                offset.topic = topic;
                offset.partition = partition;
                offset.persist();
            }
            offset.nextOffset = next;
        });
    }
}
