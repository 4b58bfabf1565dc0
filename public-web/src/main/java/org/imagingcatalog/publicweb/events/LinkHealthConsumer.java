package org.imagingcatalog.publicweb.events;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.publicweb.cache.CatalogVersion;
import org.imagingcatalog.publicweb.readmodel.LinkHealthStore;
import org.imagingcatalog.publicweb.readmodel.ReadModelStore;

import jakarta.inject.Singleton;

/**
 * Keeps the latest link check of each entry in step with the compacted {@code catalog.link-health.v1}; a batch that
 * changed a shown check moves the catalog version. A rebuild of the entries leaves the link table as it is (see V6): it
 * is read again from the start only by a database that has none of its offsets.
 */
@Singleton
public class LinkHealthConsumer extends StoredTopicConsumer {

    public LinkHealthConsumer(LinkHealthStore links, ReadModelStore offsets, CatalogVersion catalogVersion,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.readmodel.group-id", defaultValue = "public-web") String groupId,
            @ConfigProperty(name = "catalog.readmodel.max-poll-records", defaultValue = "2000") int maxPollRecords) {
        super(Topics.LINK_HEALTH, groupId + "-link-health", maxPollRecords, links::apply, offsets, catalogVersion,
                bootstrapServers);
    }
}
