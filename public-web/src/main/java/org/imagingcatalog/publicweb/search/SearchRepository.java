package org.imagingcatalog.publicweb.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.publicweb.catalog.Change;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Flag;
import org.imagingcatalog.publicweb.readmodel.PublishedChange;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

/**
 * The list and search SQL of the published catalog: a page of matches with its facet counts, every match (for the
 * exports), and the newest changes (for the feed). Native SQL, because it ranks with PostgreSQL full-text search:
 * {@code ts_rank} over the stored, weighted {@code entry.search} tsvector and its GIN index
 * ({@code db/migration/V2__read_model.sql}, redefined by {@code V4__search_terms_and_facets.sql} with formats,
 * annotations and the Y flags' terms), with the sort keys and their indexes of V2 and the narrow filter index of
 * V4 (which replaced V3's; V5's replaces it with the trust columns added) that counts read. Queries are built from
 * a {@link CatalogQuery} only: column names are fixed identifiers, every value is a bind parameter.
 * <p>
 * The reader's search text becomes a tsquery inside PostgreSQL: {@code catalog_search_query(q)} (V4) parses it as
 * web search syntax and folds the spellings of its {@code search_synonym} table (x-ray, xray, radiograph, CXR...).
 * It runs once per search, in a statement of its own, and the result is bound as a constant tsquery: the planner
 * then sees the actual words (a rare word: the GIN index; a common one: walk a sort index), and nothing is
 * evaluated again per row.
 */
@ApplicationScoped
public class SearchRepository {

    private static final String COLUMNS = "e.resource_json, e.updated_at, e.reason";
    /** Rows per round trip while an export reads the catalog. */
    static final int EXPORT_BATCH = 500;

    /**
     * Ranking or counting every match of a very common word is what makes naive full-text search slow: each
     * match costs a read of a wide row. A text search therefore ranks its first matches only and counts up to
     * this limit in the same pass, then says "more than", as search engines do; its facets are counted among
     * that many matches. Without a text query, counts are exact: an index-only scan of the filter columns
     * answers them.
     */
    private final int textMatchesMax;

    public SearchRepository(@ConfigProperty(name = "catalog.search.text-matches-max", defaultValue = "500") int textMatchesMax) {
        this.textMatchesMax = textMatchesMax;
    }

    public ResultPage page(CatalogQuery query) {
        String terms = terms(query);
        Rows rows = select(query, terms, query.size(), query.offset());
        List<Entry> entries = rows.entries();
        if (query.q() == null) {
            // the facet counts are exact and add up to the total: no count of its own
            Facets facets = facets(query, null, -1, true);
            return new ResultPage(query, entries, facets.counted(), true, facets);
        }
        long total;
        boolean totalExact;
        if (entries.size() < query.size() && (query.offset() == 0 || !entries.isEmpty())) {
            total = query.offset() + entries.size();
            totalExact = true;
        } else {
            long upToLimit = rows.counted() ? rows.matches() : countTextMatches(query, terms, textMatchesMax + 1);
            totalExact = upToLimit <= textMatchesMax;
            total = totalExact ? upToLimit : textMatchesMax;
        }
        Facets counted = facets(query, terms, textMatchesMax, false);
        boolean facetsExact = totalExact && counted.counted() == total;
        Facets facets = new Facets(counted.flags(), counted.access(), counted.licenses(), facetsExact, counted.counted());
        return new ResultPage(query, entries, total, totalExact, facets);
    }

    /**
     * Every active entry matching the filters, in the query's order (for exports), read from the database a batch at a
     * time as the stream is consumed: an export of 100,000 entries never holds them all. Consume and close it inside
     * one transaction (PostgreSQL hands rows over in batches only within one).
     */
    @SuppressWarnings("unchecked")
    public Stream<Entry> stream(CatalogQuery query) {
        Sql sql = rowsSql(query, terms(query), -1, 0);
        NativeQuery<Object[]> select = Panache.getEntityManager().createNativeQuery(numbered(sql.text()))
                .unwrap(NativeQuery.class)
                .addScalar("resource_json", StandardBasicTypes.STRING)
                .addScalar("updated_at", StandardBasicTypes.INSTANT)
                .addScalar("reason", StandardBasicTypes.STRING)
                .setFetchSize(EXPORT_BATCH);
        bind(select, sql.params());
        return select.getResultStream().map(row -> Entry.of((String) row[0], (Instant) row[1], (String) row[2]));
    }

    /** The newest changes of entries matching the filters (withdrawn ones too: a withdrawal is news). */
    @SuppressWarnings("unchecked")
    public List<Change> recentChanges(CatalogQuery query, int limit) {
        Where where = Where.of(query, terms(query), false);
        String sql = "SELECT c.* FROM entry_change c JOIN entry e ON e.id = c.resource_id WHERE " + where.sql()
                + " ORDER BY c.published_at DESC, c.resource_id, c.version DESC LIMIT " + limit;
        Query select = Panache.getEntityManager().createNativeQuery(numbered(sql), PublishedChange.class);
        bind(select, where.params());
        return ((List<PublishedChange>) select.getResultList()).stream().map(PublishedChange::toChange).toList();
    }

    /**
     * The plans PostgreSQL chooses for the page of this query: its rows, then its facet counts (EXPLAIN, not
     * run). For operators and the tests that keep searches on their indexes.
     */
    @SuppressWarnings("unchecked")
    public List<String> plan(CatalogQuery query) {
        String terms = terms(query);
        List<String> plan = new ArrayList<>();
        for (Sql statement : List.of(rowsSql(query, terms, query.size(), query.offset()),
                facetsSql(query, terms, query.q() == null ? -1 : textMatchesMax))) {
            plan.addAll(nativeQuery("EXPLAIN " + statement.text(), statement.params()).getResultList());
        }
        return plan;
    }

    /** The reader's search text as a tsquery, spellings folded (see the class comment); null without one. */
    private String terms(CatalogQuery query) {
        if (query.q() == null) {
            return null;
        }
        return (String) nativeQuery("SELECT CAST(catalog_search_query(?) AS text)", List.of(query.q()))
                .getSingleResult();
    }

    private long countTextMatches(CatalogQuery query, String terms, int limit) {
        Where where = Where.of(query, terms, true);
        return ((Number) nativeQuery("SELECT count(*) FROM (SELECT 1 FROM entry e WHERE " + where.sql() + " LIMIT "
                + limit + ") matches", where.params()).getSingleResult()).longValue();
    }

    /** A statement and its bind parameters, in order. */
    private record Sql(String text, List<Object> params) {
    }

    /** Rows of one page; a ranked search also tells how many matches it found, up to the limit + 1. */
    private record Rows(List<Entry> entries, long matches) {

        boolean counted() {
            return matches >= 0;
        }
    }

    @SuppressWarnings("unchecked")
    private Rows select(CatalogQuery query, String terms, int limit, int offset) {
        Sql sql = rowsSql(query, terms, limit, offset);
        NativeQuery<Object[]> select = Panache.getEntityManager().createNativeQuery(numbered(sql.text()))
                .unwrap(NativeQuery.class)
                .addScalar("resource_json", StandardBasicTypes.STRING)
                .addScalar("updated_at", StandardBasicTypes.INSTANT)
                .addScalar("reason", StandardBasicTypes.STRING)
                .addScalar("matches", StandardBasicTypes.LONG);
        bind(select, sql.params());
        List<Object[]> rows = select.getResultList();
        List<Entry> entries = rows.stream().map(row -> Entry.of((String) row[0], (Instant) row[1], (String) row[2])).toList();
        return new Rows(entries, rows.isEmpty() ? -1 : (Long) rows.get(0)[3]);
    }

    private Sql rowsSql(CatalogQuery query, String terms, int limit, int offset) {
        Where where = Where.of(query, terms, true);
        List<Object> params = new ArrayList<>();
        String sql;
        if (query.effectiveSort() == Sort.RELEVANCE && terms != null) {
            // one pass finds the candidates, ranks them and counts them; only the page's rows are read in full.
            // A page ranks the first matches only; an export (no limit) ranks every match.
            params.add(terms);
            params.addAll(where.params());
            String order = "rank DESC, name_key, id";
            sql = "WITH candidates AS (SELECT e.id, e.name_key, ts_rank(e.search, CAST(? AS tsquery))"
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
        return new Sql(sql, params);
    }

    /**
     * The facet counts in one pass over the matches: grouped by the six flags as one number
     * ({@code entry.facet_key}, a base-3 digit per flag) with the access, and by the licence. Both groupings read
     * only the narrow filter index when there is no text query (an index-only scan, like a count). With
     * {@code limit} > 0 (a text search), the matches counted stop at that many.
     */
    @SuppressWarnings("unchecked")
    private Facets facets(CatalogQuery query, String terms, int limit, boolean exact) {
        Sql sql = facetsSql(query, terms, limit);
        NativeQuery<Object[]> select = Panache.getEntityManager().createNativeQuery(numbered(sql.text()))
                .unwrap(NativeQuery.class)
                .addScalar("by_license", StandardBasicTypes.INTEGER)
                .addScalar("facet_key", StandardBasicTypes.INTEGER)
                .addScalar("access", StandardBasicTypes.STRING)
                .addScalar("license", StandardBasicTypes.STRING)
                .addScalar("n", StandardBasicTypes.LONG);
        bind(select, sql.params());
        Map<Flag, Map<Availability, Long>> flags = new EnumMap<>(Flag.class);
        for (Flag flag : Flag.values()) {
            Map<Availability, Long> counts = new EnumMap<>(Availability.class);
            for (Availability value : Availability.values()) {
                counts.put(value, 0L);
            }
            flags.put(flag, counts);
        }
        Map<Access, Long> access = new EnumMap<>(Access.class);
        for (Access value : Access.values()) {
            access.put(value, 0L);
        }
        Map<String, Map<String, Long>> licenses = new HashMap<>();
        long counted = 0;
        for (Object[] row : select.getResultList()) {
            long n = (Long) row[4];
            if ((Integer) row[0] == 0) {
                String license = (String) row[3];
                licenses.computeIfAbsent(license == null ? null : license.toLowerCase(Locale.ROOT), k -> new HashMap<>())
                        .merge(license, n, Long::sum);
                continue;
            }
            counted += n;
            int key = (Integer) row[1];
            for (Flag flag : Flag.values()) {
                flags.get(flag).merge(FLAG_DIGITS[key % 3], n, Long::sum);
                key /= 3;
            }
            access.merge(accessOf((String) row[2]), n, Long::sum);
        }
        return new Facets(flags, access, licenseCounts(licenses), exact, counted);
    }

    /** The digits of {@code entry.facet_key}: Y 0, N 1, U 2 (V4__search_terms_and_facets.sql). */
    private static final Availability[] FLAG_DIGITS = {Availability.Y, Availability.N, Availability.U};

    private Sql facetsSql(CatalogQuery query, String terms, int limit) {
        Where where = Where.of(query, terms, true);
        String source = limit > 0
                ? "(SELECT e.facet_key, e.access, e.license FROM entry e WHERE " + where.sql() + " LIMIT " + limit + ") e"
                : "entry e WHERE " + where.sql();
        return new Sql("SELECT GROUPING(e.license) AS by_license, e.facet_key, e.access, e.license, count(*) AS n"
                + " FROM " + source + " GROUP BY GROUPING SETS ((e.facet_key, e.access), (e.license))", where.params());
    }

    private static Access accessOf(String stored) {
        try {
            return Access.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Access.UNKNOWN;
        }
    }

    /** Licences counted ignoring case, each shown as most of its entries spell it; the most common first. */
    private static List<Facets.LicenseCount> licenseCounts(Map<String, Map<String, Long>> byKey) {
        List<Facets.LicenseCount> counts = new ArrayList<>();
        byKey.forEach((key, spellings) -> {
            String shown = spellings.entrySet().stream()
                    .max(Map.Entry.<String, Long> comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.<String> reverseOrder()))))
                    .map(Map.Entry::getKey).orElse(null);
            counts.add(new Facets.LicenseCount(shown, spellings.values().stream().mapToLong(Long::longValue).sum()));
        });
        counts.sort(Comparator.comparingLong(Facets.LicenseCount::count).reversed()
                .thenComparing(Facets.LicenseCount::value, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        return counts.size() > Facets.LICENSES_SHOWN ? counts.subList(0, Facets.LICENSES_SHOWN) : counts;
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

        /** {@code terms}: the folded tsquery of the search text, or null. */
        static Where of(CatalogQuery query, String terms, boolean activeOnly) {
            List<String> clauses = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            clauses.add(activeOnly ? "e.status = 'ACTIVE'" : "TRUE");
            if (terms != null) {
                clauses.add("e.search @@ CAST(? AS tsquery)");
                params.add(terms);
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
            // any of the values, ignoring case: the lower-cased arrays of V4, GIN-indexed; the values are one
            // parameter, a line each (a value holds no line break)
            if (!query.formats().isEmpty()) {
                clauses.add("e.format_keys && string_to_array(lower(?), chr(10))");
                params.add(String.join("\n", query.formats()));
            }
            if (!query.annotations().isEmpty()) {
                clauses.add("e.annotation_keys && string_to_array(lower(?), chr(10))");
                params.add(String.join("\n", query.annotations()));
            }
            // the trust columns of V5, in the narrow filter index with the flags
            query.trust().where(clauses, params);
            return new Where(String.join(" AND ", clauses), params);
        }
    }
}
