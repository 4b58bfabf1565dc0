package org.imagingcatalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The short summary of one instance's flight recording (bench/run --profile): where the CPU went (execution samples
 * by top frame, and by the first frame of the catalog's own code), what allocated (allocation samples weighted by
 * bytes, by top frame, by first frame outside the JDK and by class), the collector's work, and the start-up until ready
 * (samples before the instance answered ready, classes loaded by then). Read with the JDK's own jdk.jfr.consumer API.
 */
final class JfrSummary {

    private static final int TOP = 15;
    private static final String OWN_CODE = "org.imagingcatalog.";

    private final Map<String, Long> selfSamples = new HashMap<>();
    private final Map<String, Long> ownSamples = new HashMap<>();
    private final Map<String, Long> startupSamples = new HashMap<>();
    private final Map<String, Long> allocationBySite = new HashMap<>();
    private final Map<String, Long> allocationByCaller = new HashMap<>();
    private final Map<String, Long> allocationByClass = new HashMap<>();
    private long samples;
    private long samplesBeforeReady;
    private long allocatedBytes;
    private long collections;
    private Duration pauses = Duration.ZERO;
    private Duration longestPause = Duration.ZERO;
    private long heapAfterGcMax;
    private long classesAtReady = -1;
    private double cpuSum;
    private long cpuCount;
    private Instant first;
    private Instant last;

    private JfrSummary() {
    }

    /** The summary of one recording as Markdown (a level-2 section), or a line saying why there is none. */
    static String of(String name, Path recording, Instant readyAt) {
        if (!Files.isRegularFile(recording)) {
            return "## " + name + "\n\nNo recording at `" + recording + "` (the instance did not stop cleanly?).\n\n";
        }
        JfrSummary summary = new JfrSummary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                summary.add(file.readEvent(), readyAt);
            }
        } catch (IOException | RuntimeException e) {
            return "## " + name + "\n\nThe recording `" + recording + "` could not be read: " + e + "\n\n";
        }
        return summary.markdown(name, recording, readyAt);
    }

    private void add(RecordedEvent event, Instant readyAt) {
        Instant at = event.getStartTime();
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> {
                List<RecordedFrame> frames = frames(event.getStackTrace());
                if (frames.isEmpty()) {
                    return;
                }
                samples++;
                String top = method(frames.get(0));
                selfSamples.merge(top, 1L, Long::sum);
                frames.stream().filter(f -> type(f).startsWith(OWN_CODE)).findFirst()
                        .ifPresent(f -> ownSamples.merge(method(f), 1L, Long::sum));
                if (readyAt != null && at.isBefore(readyAt)) {
                    samplesBeforeReady++;
                    startupSamples.merge(top, 1L, Long::sum);
                }
            }
            case "jdk.ObjectAllocationSample" -> {
                long weight = event.getLong("weight");
                allocatedBytes += weight;
                allocationByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                List<RecordedFrame> frames = frames(event.getStackTrace());
                if (!frames.isEmpty()) {
                    allocationBySite.merge(method(frames.get(0)), weight, Long::sum);
                    frames.stream().filter(f -> !isJdk(type(f))).findFirst()
                            .ifPresent(f -> allocationByCaller.merge(method(f), weight, Long::sum));
                }
            }
            case "jdk.GarbageCollection" -> {
                collections++;
                Duration pause = event.getDuration("sumOfPauses");
                pauses = pauses.plus(pause);
                longestPause = pause.compareTo(longestPause) > 0 ? pause : longestPause;
            }
            case "jdk.GCHeapSummary" -> {
                if ("After GC".equals(event.getString("when"))) {
                    heapAfterGcMax = Math.max(heapAfterGcMax, event.getLong("heapUsed"));
                }
            }
            case "jdk.ClassLoadingStatistics" -> {
                if (readyAt != null && !at.isAfter(readyAt)) {
                    classesAtReady = event.getLong("loadedClassCount");
                }
            }
            case "jdk.CPULoad" -> {
                cpuSum += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                cpuCount++;
            }
            default -> {
                // other events of the profile settings: not summarised
            }
        }
    }

    private String markdown(String name, Path recording, Instant readyAt) {
        StringBuilder out = new StringBuilder("## ").append(name).append("\n\n");
        Duration span = first == null ? Duration.ZERO : Duration.between(first, last);
        out.append(String.format("Recording `%s` (%.1f MiB), %d s of events; %,d execution samples, %,d of them before ready; "
                + "JVM CPU %.0f %% of the machine on average; allocation samples weighing %,.0f MiB; %,d collections, "
                + "%d ms paused in all (longest %d ms), heap after a collection at most %.0f MiB.%n%n",
                recording.getFileName(), size(recording) / 1048576.0, span.toSeconds(), samples, samplesBeforeReady,
                cpuCount == 0 ? 0 : 100 * cpuSum / cpuCount, allocatedBytes / 1048576.0, collections, pauses.toMillis(),
                longestPause.toMillis(), heapAfterGcMax / 1048576.0));
        table(out, "Hot methods (execution samples by top frame)", "samples", selfSamples, samples, false);
        table(out, "The catalog's own code (first `org.imagingcatalog` frame of each sample, inclusive)", "samples", ownSamples,
                samples, false);
        table(out, "Allocation sites (top frame, weighted by bytes)", "MiB", allocationBySite, allocatedBytes, true);
        table(out, "Allocating callers (first frame outside the JDK)", "MiB", allocationByCaller, allocatedBytes, true);
        table(out, "Allocated classes", "MiB", allocationByClass, allocatedBytes, true);
        if (readyAt != null) {
            out.append(String.format("Start-up until ready (%s): %,d samples%s.%n%n", readyAt, samplesBeforeReady,
                    classesAtReady < 0 ? "" : String.format(", %,d classes loaded by then", classesAtReady)));
            table(out, "Start-up: hot methods before ready", "samples", startupSamples, samplesBeforeReady, false);
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String title, String unit, Map<String, Long> values, long total, boolean bytes) {
        out.append("**").append(title).append("**\n\n| # | method / class | ").append(unit).append(" | share |\n|---|---|---|---|\n");
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (int i = 0; i < Math.min(TOP, sorted.size()); i++) {
            Map.Entry<String, Long> e = sorted.get(i);
            out.append("| ").append(i + 1).append(" | `").append(e.getKey()).append("` | ")
                    .append(bytes ? String.format("%.1f", e.getValue() / 1048576.0) : Long.toString(e.getValue())).append(" | ")
                    .append(total == 0 ? "" : String.format("%.1f %%", 100.0 * e.getValue() / total)).append(" |\n");
        }
        out.append('\n');
    }

    private static List<RecordedFrame> frames(RecordedStackTrace stack) {
        return stack == null ? List.of() : stack.getFrames().stream().filter(RecordedFrame::isJavaFrame).toList();
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod().getType().getName();
    }

    private static String method(RecordedFrame frame) {
        return type(frame) + "." + frame.getMethod().getName();
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
