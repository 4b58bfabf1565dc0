package org.imagingcatalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** bench/run's driver: runs the selected parts and writes the Markdown report. */
public final class BenchMain {

    private static final List<String> STACK = List.of("kafka", "keycloak", "public-web", "submission-service", "curation-service");

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        Files.createDirectories(options.work());
        Report report = new Report();
        Http http = new Http();
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String loadBefore = loadAverage();
        Set<String> phases = new LinkedHashSet<>(List.of("idle", "reading-warmup", "reading", "propagation", "intake"));
        options.sizes().forEach(s -> phases.add("scale-" + s));
        phases.add("lineage");
        phases.add("import");
        try (RssMonitor rss = new RssMonitor()) {
            FootprintPart footprint = new FootprintPart(report, rss, options.serviceJavaOpts());
            Path runDir = options.root().resolve(".local/run");
            for (String name : STACK) {
                OptionalLong pid = Procs.pidFile(runDir, name);
                if (pid.isPresent()) {
                    rss.watch("stack " + name, pid.getAsLong());
                }
            }
            boolean stackWeb = http.get(options.stackPublicWeb() + "/q/health/ready").status() == 200;
            Set<String> services = new LinkedHashSet<>();
            if (options.runs("footprint")) {
                services.addAll(BenchStack.SERVICES);
            }
            if (options.runs("propagation") || (options.runs("reading") && !stackWeb)) {
                services.addAll(List.of("curation-service", "public-web"));
            }
            if (options.runs("scale") || options.runs("lineage")) {
                services.add("public-web");
            }
            if (options.runs("intake")) {
                services.add("submission-service");
            }
            if (options.runs("import")) {
                services.add("curation-service");
            }
            BenchStack bench = null;
            try {
                if (!services.isEmpty()) {
                    bench = new BenchStack(options, http);
                    BenchStack toStop = bench;
                    // Ctrl-C: the benchmark's broker and service instances are child processes; stop them too
                    Thread hook = new Thread(toStop::stopProcesses, "bench-shutdown");
                    Runtime.getRuntime().addShutdownHook(hook);
                    bench.startBroker();
                    rss.watch("bench kafka", bench.broker().pid());
                    footprint.startups("bench kafka", List.of(bench.broker().startupMillis()));
                    int starts = options.runs("footprint") ? Math.max(2, options.runs()) : 1;
                    for (String service : BenchStack.SERVICES) {
                        if (!services.contains(service)) {
                            continue;
                        }
                        ServiceInstance instance = bench.prepare(service);
                        for (int i = 1; i <= starts; i++) {
                            double ms = instance.start(http, 300_000);
                            System.err.printf("bench: %s ready in %.0f ms%n", service, ms);
                            if (i < starts) {
                                instance.stop();
                            }
                        }
                        rss.watch("bench " + service, instance.pid());
                        footprint.startups("bench " + service, instance.startups());
                    }
                    for (String service : services) {
                        ServiceInstance instance = bench.instance(service);
                        String path = service.equals("curation-service") ? "/q/health/ready" : "/";
                        for (int i = 0; i < 200; i++) {
                            http.get(instance.url() + path);
                        }
                        footprint.afterWarmup("bench " + service, Procs.treeRss(instance.pid()));
                    }
                }
                rss.watched().forEach((name, pid) -> {
                    if (name.startsWith("stack ")) {
                        footprint.afterWarmup(name, Procs.treeRss(pid));
                    }
                });
                BenchStack stack = bench;
                part(report, "reading", options, () -> {
                    if (stackWeb) {
                        new ReadingPart(options, http, report, rss).run(options.stackPublicWeb(), "the local stack's public-web",
                                "stack public-web");
                    } else {
                        ServiceInstance web = stack.instance("public-web");
                        waitSeed(http, web.url());
                        new ReadingPart(options, http, report, rss).run(web.url(),
                                "the benchmark's public-web (the stack's did not answer)", "bench public-web");
                    }
                });
                part(report, "propagation", options, () -> new PropagationPart(options, http, report, rss).run(
                        stack.instance("curation-service"), stack.instance("public-web"),
                        new Tokens(http, options.keycloak(), "curator", "curator")));
                part(report, "intake", options, () -> new IntakePart(options, http, report, rss).run(
                        stack.instance("submission-service"), stack.broker().bootstrap()));
                part(report, "scale", options, () -> new ScalePart(options, http, report, rss).run(stack,
                        stack.instance("public-web"), "bench public-web"));
                part(report, "lineage", options, () -> new LineagePart(options, http, report, rss).run(stack,
                        stack.instance("public-web")));
                part(report, "linkcheck", options, () -> new LinkCheckPart(options, report).run());
                part(report, "import", options, () -> new ImportPart(options, http, report, rss).run(
                        stack.instance("curation-service"), new Tokens(http, options.keycloak(), "curator", "curator")));
            } catch (RuntimeException e) {
                e.printStackTrace();
                report.problem("the run stopped early: " + e);
            } finally {
                if (options.runs("footprint")) {
                    report.begin("footprint");
                    footprint.write(new ArrayList<>(phases));
                }
                if (bench != null) {
                    bench.close();
                }
            }
        }
        write(options, report, started, loadBefore);
    }

    /** Runs one part if selected; a failure is reported and the next part still runs. */
    private static void part(Report report, String name, Options options, Runnable body) {
        if (!options.runs(name)) {
            return;
        }
        report.begin(name);
        System.err.println("bench: part " + name);
        try {
            body.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            report.problem(name + " stopped early: " + e.toString().replace('\n', ' '));
        }
    }

    private static void waitSeed(Http http, String base) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && Http.total(http.get(base + "/api/v1/resources?size=1")) < 1) {
            Procs.sleep(200);
        }
    }

    private static void write(Options options, Report report, String started, String loadBefore) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results, ").append(options.out().getFileName().toString().replace(".md", ""))
                .append(options.quick() ? " (quick smoke run: not figures to quote)" : "").append("\n\n");
        if (!options.note().isBlank()) {
            out.append("> ").append(options.note()).append("\n\n");
        }
        out.append("Written by `bench/run").append(options.quick() ? " --quick" : "").append("` (see bench/README.md). ")
                .append("Parts: ").append(String.join(", ", options.parts())).append(". Started ").append(started)
                .append(", finished ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".\n\n");
        out.append("## Machine\n\n");
        out.append("- commit: `").append(git(options.root(), "rev-parse", "HEAD")).append("`");
        String dirty = git(options.root(), "status", "--porcelain");
        out.append(dirty.isBlank() ? " (clean)\n" : " plus uncommitted changes in " + dirty.lines().count() + " paths (services were being finished)\n");
        out.append("- CPU: ").append(cpuModel()).append(", `nproc` = ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        out.append("- memory (`free -h`):\n\n```\n").append(command(List.of("free", "-h"))).append("```\n");
        out.append("- load average (1/5/15 min) at start: ").append(loadBefore).append(", at end: ").append(loadAverage()).append('\n');
        out.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append("; wrk: ").append(firstLine(command(List.of("wrk", "-v")))).append("; nginx: ")
                .append(firstLine(command(List.of("nginx", "-v")))).append("\n\n");
        out.append("## Goals\n\n").append(report.goalsTable()).append('\n');
        if (!report.problems().isEmpty()) {
            out.append("## Problems during the run\n\n");
            report.problems().forEach(p -> out.append("- ").append(p.replace("\n", " ")).append('\n'));
            out.append('\n');
        }
        out.append(report.body());
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), out.toString());
        System.err.println("bench: report written to " + options.out());
    }

    private static String git(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        return command(command).trim();
    }

    private static String command(List<String> command) {
        try {
            return Procs.run(command, Map.of(), 30);
        } catch (RuntimeException e) {
            String m = e.getMessage();
            return m == null ? "n/a" : m.lines().skip(1).findFirst().orElse("n/a");
        }
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("n/a").trim();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
