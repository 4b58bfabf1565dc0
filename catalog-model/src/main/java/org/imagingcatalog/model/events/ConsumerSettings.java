package org.imagingcatalog.model.events;

import java.util.HashMap;
import java.util.Map;

/** Kafka consumer settings every service's consumers share. */
public final class ConsumerSettings {

    /**
     * A consumer that crashed holds its partitions until its session times out: Kafka's default of
     * 45 s left a restarted service idle that long. 10 s (heartbeats every 2 s) hands them over sooner
     * and stays above the broker's minimum of 6 s.
     */
    public static final Map<String, Object> FAST_REJOIN = Map.of(
            "session.timeout.ms", 10_000,
            "heartbeat.interval.ms", 2_000);

    private ConsumerSettings() {
    }

    /** {@code config} with the shared settings added. */
    public static Map<String, Object> withSharedSettings(Map<String, Object> config) {
        Map<String, Object> all = new HashMap<>(config);
        all.putAll(FAST_REJOIN);
        return all;
    }
}
