package org.imagingcatalog.publicweb.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.events.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the published catalog. Queries are built from a {@link CatalogQuery} only: column names are
 * fixed identifiers, every value is a bind parameter.
 */
@ApplicationScoped
public class CatalogRepository {

    /** Ranking every match of a very common word is what makes naive full-text search slow; rank a capped set. */
    static final int RANKED_CANDIDATES_MAX = 1000;

    private static final String COLUMNS = "e.resource_json, e.updated_at, e.reason";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DataSource dataSource;

    public CatalogRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ResultPage page(CatalogQuery query) {
        List<Entry> entries = select(query, query.size(), query.offset());
        long total = entries.size() < query.size() && (query.offset() == 0 || !entries.isEmpty())
                ? query.offset() + entries.size()
                : count(query);
        return new ResultPage(query, entries, total);
    }

    /** Every active entry matching the filters, in the query's order (for exports). */
    public List<Entry> all(CatalogQuery query) {
        return select(query, -1, 0);
    }

    public long count(CatalogQuery query) {
        Where where = Where.of(query, true);
        return queryOne("SELECT count(*) FROM entry e WHERE " + where.sql(), where.params(), rs -> rs.getLong(1));
    }

    public Optional<Entry> byId(String id) {
        if (!Slugs.isValid(id)) {
            // no entry has such an id, and text like NUL is not even comparable in PostgreSQL
            return Optional.empty();
        }
        List<Entry> found = query("SELECT " + COLUMNS + " FROM entry e WHERE e.id = ?", List.of(id),
                CatalogRepository::entry);
        return found.stream().findFirst();
    }

    /** The public change log of one entry, newest version first. */
    public List<Change> history(String id) {
        if (!Slugs.isValid(id)) {
            return List.of();
        }
        return query("SELECT * FROM entry_change WHERE resource_id = ? ORDER BY version DESC", List.of(id),
                CatalogRepository::change);
    }

    /** The newest changes of entries matching the filters (withdrawn ones too: a withdrawal is news). */
    public List<Change> recentChanges(CatalogQuery query, int limit) {
        Where where = Where.of(query, false);
        String sql = "SELECT c.* FROM entry_change c JOIN entry e ON e.id = c.resource_id WHERE " + where.sql()
                + " ORDER BY c.published_at DESC, c.resource_id, c.version DESC LIMIT " + limit;
        return query(sql, where.params(), CatalogRepository::change);
    }

    /** Everything the read model holds, as stable text: the rebuild compares it before and after. */
    public List<String> dump() {
        List<String> rows = new ArrayList<>(query(
                "SELECT id || '|' || version || '|' || status || '|' || coalesce(reason, '') || '|' || updated_at"
                        + " || '|' || resource_json FROM entry ORDER BY id",
                List.of(), rs -> rs.getString(1)));
        rows.addAll(query("SELECT resource_id || '|' || version || '|' || status || '|' || coalesce(summary, '')"
                + " || '|' || changed_fields || '|' || coalesce(reason, '') || '|' || published_at"
                + " FROM entry_change ORDER BY resource_id, version", List.of(), rs -> rs.getString(1)));
        return rows;
    }

    private List<Entry> select(CatalogQuery query, int limit, int offset) {
        Where where = Where.of(query, true);
        List<Object> params = new ArrayList<>();
        String sql;
        if (query.effectiveSort() == Sort.RELEVANCE && query.q() != null) {
            params.add(query.q());
            params.addAll(where.params());
            sql = "SELECT resource_json, updated_at, reason FROM (SELECT " + COLUMNS + ", e.name_key, e.id,"
                    + " ts_rank(e.search, websearch_to_tsquery('simple', ?)) AS rank FROM entry e WHERE "
                    + where.sql() + " LIMIT " + RANKED_CANDIDATES_MAX + ") e ORDER BY rank DESC, name_key, id";
        } else {
            params.addAll(where.params());
            sql = "SELECT " + COLUMNS + " FROM entry e WHERE " + where.sql() + " ORDER BY "
                    + switch (query.effectiveSort()) {
                        case PROVIDER -> "e.provider_key, e.name_key, e.id";
                        case UPDATED -> "e.updated_at DESC, e.id";
                        default -> "e.name_key, e.id";
                    };
        }
        if (limit > 0) {
            sql += " LIMIT " + limit + " OFFSET " + offset;
        }
        return query(sql, params, CatalogRepository::entry);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String json = rs.getString("resource_json");
        try {
            Resource resource = EventJson.mapper().readValue(json, Resource.class);
            return new Entry(resource, json, rs.getTimestamp("updated_at").toInstant(), rs.getString("reason"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the read model holds unreadable JSON", e);
        }
    }

    private static Change change(ResultSet rs) throws SQLException {
        try {
            return new Change(rs.getString("resource_id"), rs.getInt("version"), rs.getString("status"),
                    rs.getString("name"), rs.getString("summary"),
                    EventJson.mapper().readValue(rs.getString("changed_fields"), STRINGS), rs.getString("reason"),
                    rs.getTimestamp("published_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the change log holds unreadable JSON", e);
        }
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
        }
    }

    private <T> T queryOne(String sql, List<Object> params, RowMapper<T> mapper) {
        return query(sql, params, mapper).get(0);
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
                clauses.add("e." + flag.column() + " = ?");
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
