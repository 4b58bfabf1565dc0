package org.imagingcatalog.publicweb.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.ReleasePublished;
import org.imagingcatalog.model.events.ReleasedVersion;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;

/** Publishes named releases to the real broker in parts, as curation-service does, and waits for public-web to show them. */
public final class Releasing {

    private Releasing() {
    }

    /** A release's header: every part repeats it. */
    public record Cut(String name, String notes, Instant cutAt, String previous, int entryCount) {

        public ReleasePublished part(int part, List<ReleasedVersion> entries) {
            return ReleasePublished.of(name, notes, cutAt, previous, entryCount, part, entries);
        }
    }

    /**
     * A version as a release freezes it: the snapshot with its version and status, published when {@link Entries}
     * publishes that version, without a reason.
     */
    public static ReleasedVersion frozen(Resource resource, int version, ResourceStatus status) {
        return new ReleasedVersion(resource.withVersion(version, status), Entries.publishedAt(version), null);
    }

    /** The parts of a release of these versions, {@code perPart} entries each. */
    public static List<ReleasePublished> parts(Cut cut, List<ReleasedVersion> entries, int perPart) {
        List<ReleasePublished> parts = new ArrayList<>();
        for (int from = 0, part = 0; from < entries.size() || part == 0; from += perPart, part++) {
            parts.add(cut.part(part, entries.subList(from, Math.min(entries.size(), from + perPart))));
        }
        return parts;
    }

    /** Publishes every part of the release and waits until the API shows it. */
    public static void publish(Cut cut, List<ReleasedVersion> entries, int perPart) {
        parts(cut, entries, perPart).forEach(Releasing::send);
        awaitRelease(cut.name());
    }

    public static void send(ReleasePublished part) {
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.RELEASES, part.key(), EventJson.write(part));
    }

    public static void awaitRelease(String name) {
        Entries.await(() -> given().get("/api/v1/releases/" + name).statusCode() == 200, "release " + name);
    }
}
