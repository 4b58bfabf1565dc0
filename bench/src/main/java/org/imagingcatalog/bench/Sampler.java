package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Client-side latency of a set of named GETs (a URL ending in {@link #FRESH} is asked with
 * {@code Cache-Control: no-cache}, so public-web renders it afresh instead of answering from its response
 * cache): round-robin over the set (so each sees the same machine load), sequentially or from several
 * threads at once. Non-200 answers are counted, not timed.
 */
final class Sampler {

    record Latency(double p50, double p95, double p99, int samples, int failures) {
    }

    /** Appended to a URL (as a fragment, which is never sent): ask for a freshly rendered answer. */
    static final String FRESH = "#fresh";

    private final Http http;

    Sampler(Http http) {
        this.http = http;
    }

    Map<String, Latency> sample(Map<String, String> urls, int warmup, int samples, int threads, String... headers) {
        for (int i = 0; i < warmup; i++) {
            urls.values().forEach(url -> get(url, headers));
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        urls.keySet().forEach(k -> {
            times.put(k, Collections.synchronizedList(new ArrayList<>()));
            failures.put(k, 0);
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < Math.max(1, samples / threads); i++) {
                        for (var e : urls.entrySet()) {
                            Http.Reply reply = get(e.getValue(), headers);
                            if (reply.status() == 200) {
                                times.get(e.getKey()).add(reply.millis());
                            } else {
                                synchronized (failures) {
                                    failures.merge(e.getKey(), 1, Integer::sum);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Latency> out = new LinkedHashMap<>();
        times.forEach((k, v) -> out.put(k, new Latency(Stats.percentile(v, 50), Stats.percentile(v, 95),
                Stats.percentile(v, 99), v.size(), failures.get(k))));
        return out;
    }

    private Http.Reply get(String url, String... headers) {
        if (!url.endsWith(FRESH)) {
            return http.get(url, headers);
        }
        String[] fresh = java.util.Arrays.copyOf(headers, headers.length + 2);
        fresh[headers.length] = "Cache-Control";
        fresh[headers.length + 1] = "no-cache";
        return http.get(url.substring(0, url.length() - FRESH.length()), fresh);
    }
}
