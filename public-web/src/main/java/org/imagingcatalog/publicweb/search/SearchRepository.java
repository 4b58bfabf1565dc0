package org.imagingcatalog.publicweb.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.imagingcatalog.publicweb.catalog.Change;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.readmodel.PublishedChange;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

/**
 * The list and search SQL of the published catalog: a page of matches, every match (for the exports),
 * the counts, and the newest changes (for the feed). Native SQL, because it ranks with PostgreSQL
 * full-text search: {@code ts_rank} over the stored, weighted {@code entry.search} tsvector and its GIN
 * index, which {@code db/migration/V2__read_model.sql} defines together with the sort keys and their
 * indexes; {@code V3__filter_index.sql} adds the narrow index the filtered counts read. Queries are built
 * from a {@link CatalogQuery} only: column names are fixed identifiers, every value is a bind parameter.
 */
@ApplicationScoped
public class SearchRepository {

    private static final String COLUMNS = "e.resource_json, e.updated_at, e.reason";

    /**
     * Ranking or counting every match of a very common word is what makes naive full-text search slow: each
     * match costs a read of a wide row. A text search therefore ranks its first matches only and counts up to
     * this limit in the same pass, then says "more than", as search engines do. Without a text query, counts
     * are exact: an index-only scan of the filter columns answers them.
     */
    private final int textMatchesMax;

    public SearchRepository(@ConfigProperty(name = "catalog.search.text-matches-max", defaultValue = "500") int textMatchesMax) {
        this.textMatchesMax = textMatchesMax;
    }

    public ResultPage page(CatalogQuery query) {
        Rows rows = select(query, query.size(), query.offset());
        List<Entry> entries = rows.entries();
        if (entries.size() < query.size() && (query.offset() == 0 || !entries.isEmpty())) {
            return ResultPage.exact(query, entries, query.offset() + entries.size());
        }
        if (query.q() == null) {
            return ResultPage.exact(query, entries, count(query));
        }
        long upToLimit = rows.counted() ? rows.matches() : countTextMatches(query, textMatchesMax + 1);
        return upToLimit > textMatchesMax
                ? new ResultPage(query, entries, textMatchesMax, false)
                : ResultPage.exact(query, entries, upToLimit);
    }

    /** Every active entry matching the filters, in the query's order (for exports). */
    public List<Entry> all(CatalogQuery query) {
        return select(query, -1, 0).entries();
    }

    private long count(CatalogQuery query) {
        Where where = Where.of(query, true);
        return ((Number) nativeQuery("SELECT count(*) FROM entry e WHERE " + where.sql(), where.params())
                .getSingleResult()).longValue();
    }

    private long countTextMatches(CatalogQuery query, int limit) {
        Where where = Where.of(query, true);
        return ((Number) nativeQuery("SELECT count(*) FROM (SELECT 1 FROM entry e WHERE " + where.sql() + " LIMIT "
                + limit + ") matches", where.params()).getSingleResult()).longValue();
    }

    /** The newest changes of entries matching the filters (withdrawn ones too: a withdrawal is news). */
    @SuppressWarnings("unchecked")
    public List<Change> recentChanges(CatalogQuery query, int limit) {
        Where where = Where.of(query, false);
        String sql = "SELECT c.* FROM entry_change c JOIN entry e ON e.id = c.resource_id WHERE " + where.sql()
                + " ORDER BY c.published_at DESC, c.resource_id, c.version DESC LIMIT " + limit;
        Query select = Panache.getEntityManager().createNativeQuery(numbered(sql), PublishedChange.class);
        bind(select, where.params());
        return ((List<PublishedChange>) select.getResultList()).stream().map(PublishedChange::toChange).toList();
    }

    /** Rows of one page; a ranked search also tells how many matches it found, up to the limit + 1. */
    private record Rows(List<Entry> entries, long matches) {

        boolean counted() {
            return matches >= 0;
        }
    }

    @SuppressWarnings("unchecked")
    private Rows select(CatalogQuery query, int limit, int offset) {
        Where where = Where.of(query, true);
        List<Object> params = new ArrayList<>();
        String sql;
        if (query.effectiveSort() == Sort.RELEVANCE && query.q() != null) {
            // one pass finds the candidates, ranks them and counts them; only the page's rows are read in full.
            // A page ranks the first matches only; an export (no limit) ranks every match.
            params.add(query.q());
            params.addAll(where.params());
            String order = "rank DESC, name_key, id";
            sql = "WITH candidates AS (SELECT e.id, e.name_key, ts_rank(e.search, websearch_to_tsquery('simple', ?))"
                    + " AS rank FROM entry e WHERE " + where.sql() + limitClause(limit > 0 ? textMatchesMax + 1 : -1, 0)
                    + "),"
                    + " shown AS (SELECT * FROM candidates ORDER BY " + order + limitClause(limit, offset) + ")"
                    + " SELECT " + COLUMNS + ", (SELECT count(*) FROM candidates) AS matches"
                    + " FROM shown c JOIN entry e ON e.id = c.id ORDER BY c.rank DESC, c.name_key, c.id";
        } else {
            params.addAll(where.params());
            sql = "SELECT " + COLUMNS + ", CAST(-1 AS bigint) AS matches FROM entry e WHERE " + where.sql() + " ORDER BY "
                    + switch (query.effectiveSort()) {
                        case PROVIDER -> "e.provider_key, e.name_key, e.id";
                        case UPDATED -> "e.updated_at DESC, e.id";
                        default -> "e.name_key, e.id";
                    } + limitClause(limit, offset);
        }
        NativeQuery<Object[]> select = Panache.getEntityManager().createNativeQuery(numbered(sql))
                .unwrap(NativeQuery.class)
                .addScalar("resource_json", StandardBasicTypes.STRING)
                .addScalar("updated_at", StandardBasicTypes.INSTANT)
                .addScalar("reason", StandardBasicTypes.STRING)
                .addScalar("matches", StandardBasicTypes.LONG);
        bind(select, params);
        List<Object[]> rows = select.getResultList();
        List<Entry> entries = rows.stream().map(row -> Entry.of((String) row[0], (Instant) row[1], (String) row[2])).toList();
        return new Rows(entries, rows.isEmpty() ? -1 : (Long) rows.get(0)[3]);
    }

    private static String limitClause(int limit, int offset) {
        return limit > 0 ? " LIMIT " + limit + " OFFSET " + offset : "";
    }

    private static Query nativeQuery(String sql, List<Object> params) {
        Query query = Panache.getEntityManager().createNativeQuery(numbered(sql));
        bind(query, params);
        return query;
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    /** JDBC-style placeholders as Hibernate's ordinal ones (?1, ?2...); no literal in these queries holds a '?'. */
    static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder(sql.length() + 16);
        int ordinal = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            numbered.append(c);
            if (c == '?') {
                numbered.append(++ordinal);
            }
        }
        return numbered.toString();
    }

    /** The WHERE clause of a query, with its bind parameters in order. */
    record Where(String sql, List<Object> params) {

        static Where of(CatalogQuery query, boolean activeOnly) {
            List<String> clauses = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            clauses.add(activeOnly ? "e.status = 'ACTIVE'" : "TRUE");
            if (query.q() != null) {
                clauses.add("e.search @@ websearch_to_tsquery('simple', ?)");
                params.add(query.q());
            }
            query.flags().forEach((flag, value) -> {
                // the flag columns are char(1): a text parameter would compare as text and miss their index
                clauses.add("e." + flag.column() + " = CAST(? AS char(1))");
                params.add(value.code());
            });
            if (query.access() != null) {
                clauses.add("e.access = ?");
                params.add(query.access().name());
            }
            if (query.license() != null) {
                clauses.add("lower(e.license) = lower(?)");
                params.add(query.license());
            }
            return new Where(String.join(" AND ", clauses), params);
        }
    }
}
