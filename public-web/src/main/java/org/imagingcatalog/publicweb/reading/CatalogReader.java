package org.imagingcatalog.publicweb.reading;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.Text;
import org.imagingcatalog.model.lineage.LineageView;
import org.imagingcatalog.model.lineage.OverlapReport;
import org.imagingcatalog.publicweb.catalog.Change;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.LinkHealth;
import org.imagingcatalog.publicweb.readmodel.LinkHealthStore;
import org.imagingcatalog.publicweb.readmodel.PublishedChange;
import org.imagingcatalog.publicweb.readmodel.PublishedEntry;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.search.ResultPage;
import org.imagingcatalog.publicweb.search.SearchRepository;
import org.imagingcatalog.publicweb.stats.Stats;
import org.imagingcatalog.publicweb.stats.StatsService;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a reader may ask of the published catalog: the one layer the pages, the API, the exports and the
 * feed call, so they always answer alike. Everything here is public and read-only, with no login; the rule
 * it keeps is which entries each answer shows. The list, the search, the exports and the figures show
 * listed entries only (a withdrawn entry leaves them); one entry, as a page or as JSON, and its change log
 * are shown whatever its status; the feed reports withdrawals too, since a withdrawal is news. An id no
 * entry could have is answered "none" before the database is asked. The lineage and the overlap of entries are
 * answered from the graph of the whole catalog (listed and withdrawn entries), built once per catalog version.
 */
@ApplicationScoped
public class CatalogReader {

    private final SearchRepository search;
    private final StatsService stats;
    private final CatalogGraphs graphs;
    private final LinkHealthStore links;

    public CatalogReader(SearchRepository search, StatsService stats, CatalogGraphs graphs, LinkHealthStore links) {
        this.search = search;
        this.stats = stats;
        this.graphs = graphs;
        this.links = links;
    }

    /** An entry's lineage in the graph of the whole catalog, with the names to show. */
    public record EntryLineage(LineageView view, CatalogGraph graph) {
    }

    /** The answer to an overlap question, with the graph that names its nodes. */
    public record Overlap(OverlapReport report, CatalogGraph graph) {
    }

    /** One page of the listed entries matching the query, and how many match in all. */
    public ResultPage page(CatalogQuery query) {
        return search.page(query);
    }

    /**
     * Every listed entry matching the query's filters, in its order (page and size ignored): the exports. Read as it is
     * consumed; consume and close it inside one transaction.
     */
    public java.util.stream.Stream<Entry> exported(CatalogQuery query) {
        return search.stream(query);
    }

    /** One entry at its newest version, listed or withdrawn. */
    public Optional<Entry> entry(String id) {
        if (!Slugs.isValid(id)) {
            // no entry has such an id, and text like NUL is not even comparable in PostgreSQL
            return Optional.empty();
        }
        return PublishedEntry.<PublishedEntry> findByIdOptional(id).map(PublishedEntry::toEntry);
    }

    /** The latest check of the entry's link, UNCHECKED without a date when none is known. */
    public LinkHealth link(String id) {
        return links.latest(id);
    }

    /** The latest checks of these entries' links, by id; an entry with none known is absent. */
    public Map<String, LinkHealth> links(Collection<String> ids) {
        return links.latest(ids);
    }

    /** The public change log of one entry, newest version first. */
    public List<Change> history(String id) {
        if (!Slugs.isValid(id)) {
            return List.of();
        }
        return PublishedChange.<PublishedChange> list("resourceId = ?1 order by version desc", id).stream()
                .map(PublishedChange::toChange).toList();
    }

    /** The newest changes of entries matching the query's filters, withdrawals included. */
    public List<Change> recentChanges(CatalogQuery query, int limit) {
        return search.recentChanges(query, limit);
    }

    /**
     * The entry's ancestors and descendants (listed or withdrawn, like its page); empty when there is no such entry.
     */
    public Optional<EntryLineage> lineage(String id) {
        if (entry(id).isEmpty()) {
            return Optional.empty();
        }
        CatalogGraph graph = graphs.containing(id);
        return graph.contains(id) ? Optional.of(new EntryLineage(graph.lineage().lineage(id), graph)) : Optional.empty();
    }

    /**
     * Whether these entries may share images, pair by pair, and through which path: two to twenty entries, listed
     * or withdrawn (their images were shared all the same). Fewer than two: {@link BadQueryException}; an id that
     * names no entry: {@link UnknownEntriesException}, naming every such id.
     */
    public Overlap overlap(OverlapQuery query) {
        query.requireEnough();
        CatalogGraph graph = graphs.current();
        List<String> unknown = missing(query, graph);
        Optional<String> arrived = unknown.stream().filter(id -> entry(id).isPresent()).findFirst();
        if (arrived.isPresent()) {
            // an entry that arrived after this graph was read (never for ids of no entry: they cost no rebuild)
            graph = graphs.containing(arrived.get());
            unknown = missing(query, graph);
        }
        if (!unknown.isEmpty()) {
            throw new UnknownEntriesException(unknown.stream().map(Text::shorten).toList());
        }
        return new Overlap(graph.lineage().overlap(query.ids()), graph);
    }

    private static List<String> missing(OverlapQuery query, CatalogGraph graph) {
        return query.ids().stream().filter(id -> !graph.contains(id)).toList();
    }

    /** The graph of the whole catalog now: what each entry is built from, for the exports. */
    public CatalogGraph graph() {
        return graphs.current();
    }

    /** The survey's headline figures over the listed entries. */
    public Stats figures() {
        return stats.compute();
    }
}
