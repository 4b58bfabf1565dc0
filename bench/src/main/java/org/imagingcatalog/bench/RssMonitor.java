package org.imagingcatalog.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the resident memory of named processes every 200 ms on a daemon thread and keeps the peak per
 * process and per phase ("reading", "intake", ...), so a part can say how much memory its load took.
 */
final class RssMonitor implements AutoCloseable {

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private volatile String phase = "idle";
    private final java.util.Set<String> phases = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>(
            java.util.List.of("idle")));
    private final Thread thread;
    private volatile boolean running = true;

    RssMonitor() {
        thread = new Thread(this::loop, "rss-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    void watch(String name, long pid) {
        pids.put(name, pid);
    }

    void unwatch(String name) {
        pids.remove(name);
    }

    void phase(String name) {
        phases.add(name);
        phase = name;
    }

    /** Every phase set so far, in the order first set. */
    java.util.List<String> phases() {
        synchronized (phases) {
            return new java.util.ArrayList<>(phases);
        }
    }

    /** Peak RSS in bytes of a process during a phase (0 when never sampled). */
    long peak(String name, String phaseName) {
        return peaks.getOrDefault(phaseName + "\u0000" + name, 0L);
    }

    Map<String, Long> watched() {
        return new LinkedHashMap<>(pids);
    }

    private void loop() {
        while (running) {
            String current = phase;
            pids.forEach((name, pid) -> {
                long rss = Procs.treeRss(pid);
                if (rss > 0) {
                    peaks.merge(current + "\u0000" + name, rss, Math::max);
                }
            });
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
