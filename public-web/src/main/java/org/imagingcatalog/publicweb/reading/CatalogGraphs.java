package org.imagingcatalog.publicweb.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.lineage.Lineage;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.publicweb.cache.CatalogVersion;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The lineage graph of the published catalog, built once per catalog version: the first request after a change
 * builds it again from every entry (lazily: a burst of events costs one build, when someone asks), and every other
 * request shares it. Building it anew each time is what lets a relation that names a URL or a DOI find the entry
 * known by it that arrived later. It reads only what the graph needs (id, name, status, address, identifiers,
 * relations) from the read model, never the whole resource JSON into Java.
 */
@ApplicationScoped
public class CatalogGraphs {

    private static final Logger LOG = Logger.getLogger(CatalogGraphs.class);
    private static final TypeReference<List<Relation>> RELATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<Identifier>> IDENTIFIERS = new TypeReference<>() {
    };

    private final CatalogVersion version;
    private volatile CatalogGraph current;

    public CatalogGraphs(CatalogVersion version) {
        this.version = version;
    }

    /** The graph of the catalog as it is now. */
    public CatalogGraph current() {
        long stamp = version.current().counter();
        CatalogGraph graph = current;
        if (graph != null && graph.stamp() == stamp) {
            return graph;
        }
        return build(stamp, false);
    }

    /**
     * The graph, built again if this entry is missing from it: an entry committed while the graph of the current
     * stamp was being read (its stamp not yet published) is then in it.
     */
    public CatalogGraph containing(String id) {
        CatalogGraph graph = current();
        return graph.contains(id) ? graph : build(version.current().counter(), true);
    }

    private synchronized CatalogGraph build(long stamp, boolean again) {
        CatalogGraph graph = current;
        if (!again && graph != null && graph.stamp() == stamp) {
            return graph; // another request built it meanwhile
        }
        long start = System.nanoTime();
        // the stamp is read before the entries: a graph is never labelled newer than what it holds
        graph = QuarkusTransaction.requiringNew().call(() -> load(stamp));
        current = graph;
        LOG.debugf("lineage graph of stamp %d built in %d ms", stamp, (System.nanoTime() - start) / 1_000_000);
        return graph;
    }

    @SuppressWarnings("unchecked")
    private static CatalogGraph load(long stamp) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "SELECT id, name, status, j ->> 'url', CAST(j -> 'identifiers' AS text), CAST(j -> 'relations' AS text)"
                        + " FROM (SELECT id, name, status, CAST(resource_json AS jsonb) AS j FROM entry) e")
                .getResultList();
        return of(stamp, rows);
    }

    /**
     * The graph of these rows, each {@code id, name, status, url, identifiers JSON, relations JSON}: the catalog's
     * now, or a release's entries as they were cut.
     */
    public static CatalogGraph of(long stamp, List<Object[]> rows) {
        List<Resource> resources = new ArrayList<>(rows.size());
        Map<String, CatalogGraph.Known> known = new HashMap<>();
        for (Object[] row : rows) {
            String id = (String) row[0];
            String name = (String) row[1];
            boolean withdrawn = ResourceStatus.WITHDRAWN.name().equals(row[2]);
            known.put(id, new CatalogGraph.Known(id, name, withdrawn));
            resources.add(new Resource(id, name, (String) row[3], null, null, null, null, null, null, null, null, null,
                    null, null, null, withdrawn ? ResourceStatus.WITHDRAWN : ResourceStatus.ACTIVE,
                    list(id, (String) row[5], RELATIONS), list(id, (String) row[4], IDENTIFIERS), null, null, null, null,
                    null));
        }
        return new CatalogGraph(stamp, Lineage.of(resources), known);
    }

    /** A list field of the stored JSON; one the model cannot read leaves the entry out of the lineage, logged. */
    private static <T> List<T> list(String id, String json, TypeReference<List<T>> type) {
        if (json == null || json.equals("null")) {
            return List.of();
        }
        try {
            List<T> values = EventJson.mapper().readValue(json, type);
            return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("entry %s: unreadable lineage field, left out of the graph: %s", id, e.getMessage());
            return List.of();
        }
    }
}
