package org.imagingcatalog.bench;

import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.TrustFields;

/**
 * The entries whose pages the lineage part times, published to catalog.entries.v1 as curation would: a root with
 * N entries derived from it directly (a star: the drawing shows a few boxes and "and N more", the lists name all
 * N), a root with a chain N deep (each derived from the one before), and an entry with no
 * lineage at all (what the page costs without it). Names and fields come from {@link EntryGenerator}, so labels
 * are as long and as varied as real ones.
 */
final class LineageShapes {

    static final String STAR = "lineage-star";
    static final String CHAIN = "lineage-chain";
    static final String PLAIN = "lineage-plain";
    /** Indices into EntryGenerator far from the scale part's, so the names differ from its entries'. */
    private static final int FIRST_INDEX = 700_000;

    private final EntryGenerator generator = new EntryGenerator();
    private final int descendants;

    LineageShapes(int descendants) {
        this.descendants = descendants;
    }

    static String starChild(int i) {
        return STAR + "-" + i;
    }

    static String chainLink(int i) {
        return i == 0 ? CHAIN : CHAIN + "-" + i;
    }

    void publish(EntryPublisher publisher) {
        publish(publisher, STAR, 0, null);
        publish(publisher, CHAIN, 1, null);
        publish(publisher, PLAIN, 2, null);
        for (int i = 1; i <= descendants; i++) {
            publish(publisher, starChild(i), 2 + i, STAR);
            publish(publisher, chainLink(i), 2 + descendants + i, chainLink(i - 1));
        }
        publisher.flush();
    }

    /**
     * Publishes a new version of the entry without lineage and waits until public-web serves it: a change of the
     * catalog, after which public-web builds its lineage graph again on the next request that needs it.
     */
    boolean touch(EntryPublisher publisher, Http http, String base, int version, long timeoutMillis) {
        publisher.publish(PLAIN, version, generator.entry(FIRST_INDEX + 2), List.of(), "Touched",
                "lineage benchmark: a change of the catalog");
        publisher.flush();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Http.Reply reply = http.get(base + "/api/v1/resources/" + PLAIN, "Cache-Control", "no-cache");
            if (reply.status() == 200 && reply.json().path("version").asInt() >= version) {
                return true;
            }
            Procs.sleep(5);
        }
        return false;
    }

    /**
     * Whether public-web serves both roots with all their descendants (entries arrive in any order: the topic has
     * several partitions) within the time.
     */
    boolean waitServed(Http http, String base, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (nodes(http, base, STAR) > descendants && nodes(http, base, CHAIN) > descendants
                    && http.get(base + "/api/v1/resources/" + PLAIN).status() == 200) {
                return true;
            }
            Procs.sleep(200);
        }
        return false;
    }

    private static int nodes(Http http, String base, String id) {
        Http.Reply reply = http.get(base + "/api/v1/resources/" + id + "/lineage", "Cache-Control", "no-cache");
        return reply.status() == 200 ? reply.json().path("nodes").size() : 0;
    }

    private void publish(EntryPublisher publisher, String id, int offset, String derivedFrom) {
        Resource entry = generator.entry(FIRST_INDEX + offset);
        List<Relation> relations = derivedFrom == null ? List.of()
                : List.of(new Relation(RelationType.IS_DERIVED_FROM, derivedFrom, null));
        publisher.publish(id, 1, entry.withTrust(new TrustFields(relations, null, null, null, null, null, null)),
                List.of(), "New entry", "lineage benchmark");
    }
}
