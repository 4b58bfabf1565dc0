package org.imagingcatalog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Processes, read from /proc: resident memory of a process tree, start times, free ports, commands. */
final class Procs {

    private static final long PAGE = 4096;

    private Procs() {
    }

    /** Resident set size in bytes of the process and all its descendants (kc.sh runs a JVM as a child). */
    static long treeRss(long pid) {
        long total = 0;
        for (long p : tree(pid)) {
            total += rss(p);
        }
        return total;
    }

    static long rss(long pid) {
        try {
            String[] statm = Files.readString(Path.of("/proc", Long.toString(pid), "statm")).trim().split(" ");
            return Long.parseLong(statm[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static boolean alive(long pid) {
        return pid > 0 && Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    static List<Long> tree(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.forEach(d -> {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    return;
                }
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    children.computeIfAbsent(Long.parseLong(after[1]), k -> new ArrayList<>()).add(Long.parseLong(name));
                } catch (IOException | RuntimeException ignored) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            return List.of(root);
        }
        List<Long> out = new ArrayList<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            long p = todo.remove(todo.size() - 1);
            out.add(p);
            todo.addAll(children.getOrDefault(p, List.of()));
        }
        return out;
    }

    /** The pid in a pid file of deploy/local (.local/run/NAME.pid), if that process lives. */
    static OptionalLong pidFile(Path runDir, String name) {
        try {
            long pid = Long.parseLong(Files.readString(runDir.resolve(name + ".pid")).trim());
            return alive(pid) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a short command; answers its output, or throws with the output when it fails. */
    static String run(List<String> command, Map<String, String> env, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops a child process: SIGTERM to it and its descendants, SIGKILL after the timeout. */
    static void stop(Process process, long timeoutSeconds) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
