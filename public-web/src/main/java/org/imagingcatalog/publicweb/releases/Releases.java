package org.imagingcatalog.publicweb.releases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.releases.ReleaseDiff;
import org.imagingcatalog.model.releases.ReleaseNames;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.reading.CatalogGraph;
import org.imagingcatalog.publicweb.reading.CatalogGraphs;
import org.imagingcatalog.publicweb.search.Sort;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a reader may ask of the named releases (V7): the complete ones, one by name, its listed entries as it froze
 * them, their lineage and what changed between two releases. A release that has not received all its parts is not
 * shown anywhere; a name no release could have is answered "none" before the database is asked. Everything here is
 * read-only and immutable once complete, so the lineage graph of a release is built once and kept (the last few).
 */
@ApplicationScoped
public class Releases {

    /** Rows per round trip while an export reads a release. */
    private static final int EXPORT_BATCH = 500;

    private static final String HEADER = "SELECT name, notes, cut_at, previous, entry_count, listed_count"
            + " FROM catalog_release WHERE complete";
    /** A release's graph is as large as the release; a handful is what a burst of exports asks for. */
    private static final int GRAPHS_KEPT = 2;

    private final Map<String, CatalogGraph> graphs = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CatalogGraph> eldest) {
            return size() > GRAPHS_KEPT;
        }
    };

    /** The complete releases, newest first. */
    public List<Release> all() {
        return headers(HEADER + " ORDER BY cut_at DESC, name DESC", null);
    }

    /** The complete release of this name; empty for none, an incomplete one, or a name no release may have. */
    public Optional<Release> find(String name) {
        if (!ReleaseNames.isValid(name)) {
            return Optional.empty();
        }
        return headers(HEADER + " AND name = ?1", name).stream().findFirst();
    }

    /**
     * The release's listed entries as it froze them, in the order of the current exports: by name (then id), by
     * provider, or newest version first. Each carries its version's publication time and reason. Read as the stream is
     * consumed; consume and close it inside one transaction.
     */
    @SuppressWarnings("unchecked")
    public Stream<Entry> listed(Release release, Sort sort) {
        String order = switch (sort) {
            case PROVIDER -> "lower(coalesce(v.provider, '')), lower(v.name), v.resource_id";
            case UPDATED -> "v.updated_at DESC, v.resource_id";
            default -> "lower(v.name), v.resource_id";
        };
        NativeQuery<Object[]> select = Panache.getEntityManager().createNativeQuery("SELECT v.resource_json,"
                + " v.updated_at, v.reason FROM release_entry e"
                + " JOIN entry_version v ON v.resource_id = e.resource_id AND v.version = e.version"
                + " WHERE e.release_name = ?1 AND v.status = 'ACTIVE' ORDER BY " + order)
                .unwrap(NativeQuery.class)
                .addScalar("resource_json", StandardBasicTypes.STRING)
                .addScalar("updated_at", StandardBasicTypes.INSTANT)
                .addScalar("reason", StandardBasicTypes.STRING)
                .setFetchSize(EXPORT_BATCH);
        select.setParameter(1, release.name());
        return select.getResultStream().map(row -> Entry.of((String) row[0], (Instant) row[1], (String) row[2]));
    }

    /** The lineage of the release's own entries (listed and withdrawn), as the exports of the release draw on it. */
    public CatalogGraph graph(Release release) {
        synchronized (graphs) {
            CatalogGraph kept = graphs.get(release.name());
            if (kept != null) {
                return kept;
            }
        }
        CatalogGraph graph = buildGraph(release);
        synchronized (graphs) {
            graphs.put(release.name(), graph);
        }
        return graph;
    }

    /**
     * What changed for a reader from {@code from} to {@code to}. PostgreSQL finds the entries whose versions differ
     * (or that one release lacks) and that are listed in at least one of the two; only those snapshots are read.
     */
    @SuppressWarnings("unchecked")
    public ReleaseDiff diff(Release from, Release to) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT a.resource_json, b.resource_json"
                + " FROM (SELECT resource_id, version FROM release_entry WHERE release_name = ?1) fa"
                + " FULL JOIN (SELECT resource_id, version FROM release_entry WHERE release_name = ?2) fb"
                + " ON fb.resource_id = fa.resource_id"
                + " LEFT JOIN entry_version a ON a.resource_id = fa.resource_id AND a.version = fa.version"
                + " LEFT JOIN entry_version b ON b.resource_id = fb.resource_id AND b.version = fb.version"
                + " WHERE fa.version IS DISTINCT FROM fb.version AND (a.status = 'ACTIVE' OR b.status = 'ACTIVE')")
                .setParameter(1, from.name()).setParameter(2, to.name()).getResultList();
        List<ReleaseDiff.Pair> pairs = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            pairs.add(new ReleaseDiff.Pair(resource((String) row[0]), resource((String) row[1])));
        }
        return ReleaseDiff.of(from.name(), to.name(), pairs);
    }

    @SuppressWarnings("unchecked")
    private static CatalogGraph buildGraph(Release release) {
        // ordered, so that the graph (and the order of what each entry is built from) is the same every time
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "SELECT resource_id, name, status, j ->> 'url', CAST(j -> 'identifiers' AS text),"
                        + " CAST(j -> 'relations' AS text) FROM (SELECT v.resource_id, v.name, v.status,"
                        + " CAST(v.resource_json AS jsonb) AS j FROM release_entry e JOIN entry_version v"
                        + " ON v.resource_id = e.resource_id AND v.version = e.version WHERE e.release_name = ?1) r"
                        + " ORDER BY resource_id")
                .setParameter(1, release.name()).getResultList();
        return CatalogGraphs.of(-1, rows);
    }

    @SuppressWarnings("unchecked")
    private static List<Release> headers(String sql, String name) {
        NativeQuery<Object[]> select = Panache.getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("name", StandardBasicTypes.STRING)
                .addScalar("notes", StandardBasicTypes.STRING)
                .addScalar("cut_at", StandardBasicTypes.INSTANT)
                .addScalar("previous", StandardBasicTypes.STRING)
                .addScalar("entry_count", StandardBasicTypes.INTEGER)
                .addScalar("listed_count", StandardBasicTypes.INTEGER);
        if (name != null) {
            select.setParameter(1, name);
        }
        return select.getResultList().stream().map(row -> new Release((String) row[0], (String) row[1],
                (Instant) row[2], (String) row[3], (Integer) row[4], (Integer) row[5])).toList();
    }

    private static Resource resource(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(json, Resource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the read model holds unreadable JSON", e);
        }
    }
}
