package org.imagingcatalog.curation.linkhealth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.kit.metrics.DatabaseReading;
import org.imagingcatalog.model.events.LinkStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * Link health as an operator watches it: active entries by the status of their own address
 * ({@code catalog_linkhealth_entries{status}}, never-checked ones UNCHECKED) and how long the entry checked longest ago
 * has waited ({@code catalog_linkhealth_oldest_check_age_seconds}, an entry never checked counting from its last
 * change). Growing broken counts mean links rot; a growing age means the checks stalled. Registered always, so
 * dashboards and alerts find them; while link checking is off they stay 0 and the database is never asked.
 */
@Singleton
@Startup
public class LinkHealthGauges {

    private static final String QUERY = """
            SELECT coalesce(s.status, 'UNCHECKED'), count(*),
                   (SELECT extract(epoch FROM now() - min(coalesce(s2.checked_at, r2.updated_at)))
                    FROM resource r2 LEFT JOIN link_state s2 ON s2.resource_id = r2.id AND s2.url = r2.url
                    WHERE r2.status = 'ACTIVE')
            FROM resource r LEFT JOIN link_state s ON s.resource_id = r.id AND s.url = r.url
            WHERE r.status = 'ACTIVE' GROUP BY 1""";

    record Health(Map<LinkStatus, Long> entries, double oldestCheckAgeSeconds) {
    }

    private static final Health NONE = new Health(Map.of(), 0);

    private final DatabaseReading<Health> reading;
    private final LinkCheckConfig config;

    public LinkHealthGauges(DataSource dataSource, MeterRegistry registry, LinkCheckConfig config) {
        this.config = config;
        this.reading = new DatabaseReading<>("link health", dataSource, QUERY, LinkHealthGauges::health);
        for (LinkStatus status : LinkStatus.values()) {
            Gauge.builder("catalog.linkhealth.entries", this, g -> g.read(h -> h.entries().getOrDefault(status, 0L)))
                    .tag("status", status.name()).description("Active entries by the link status of their address")
                    .strongReference(true).register(registry);
        }
        Gauge.builder("catalog.linkhealth.oldest.check.age.seconds", this, g -> g.read(Health::oldestCheckAgeSeconds))
                .description("How long ago the active entry checked longest ago was checked (0 while link checking is off)")
                .strongReference(true).register(registry);
    }

    private double read(java.util.function.ToDoubleFunction<Health> number) {
        return config.enabled() ? reading.get(number) : number.applyAsDouble(NONE);
    }

    @Scheduled(every = "${catalog.metrics.refresh-every:15s}", skipExecutionIf = LinkCheckJob.Off.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        reading.refresh();
    }

    private static Health health(ResultSet rows) throws SQLException {
        Map<LinkStatus, Long> entries = new EnumMap<>(LinkStatus.class);
        double oldest = 0;
        while (rows.next()) {
            entries.put(LinkStatus.valueOf(rows.getString(1)), rows.getLong(2));
            oldest = Math.max(0, rows.getDouble(3));
        }
        return new Health(entries, oldest);
    }
}
