package org.imagingcatalog.publicweb.events;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.publicweb.cache.CatalogVersion;
import org.imagingcatalog.publicweb.readmodel.ReadModelStore;
import org.imagingcatalog.publicweb.readmodel.ReleaseStore;

import jakarta.inject.Singleton;

/**
 * Keeps the named releases in step with the compacted {@code catalog.releases.v1}; a poll in which a release became
 * complete moves the catalog version. A poll takes few records (a part is about 256 KB), so memory holds a few parts at
 * most. A rebuild of the entries leaves the releases as they are (see V7).
 */
@Singleton
public class ReleaseConsumer extends StoredTopicConsumer {

    public ReleaseConsumer(ReleaseStore releases, ReadModelStore offsets, CatalogVersion catalogVersion,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.readmodel.group-id", defaultValue = "public-web") String groupId,
            @ConfigProperty(name = "catalog.releases.max-poll-records", defaultValue = "16") int maxPollRecords) {
        super(Topics.RELEASES, groupId + "-releases", maxPollRecords, releases::apply, offsets, catalogVersion,
                bootstrapServers);
    }
}
