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
        String profileLink = null;
        try (RssMonitor rss = new RssMonitor()) {
            FootprintPart footprint = new FootprintPart(report, rss, options.serviceJavaOpts(), options.largestSize());
            SyntheticCatalog catalog = new SyntheticCatalog(http);
            Path runDir = options.root().resolve(".local/run");
            for (String name : STACK) {
                OptionalLong pid = Procs.pidFile(runDir, name);
                if (pid.isPresent()) {
                    rss.watch("stack " + name, pid.getAsLong());
                }
            }
            Set<String> services = new LinkedHashSet<>();
            if (options.runs("footprint")) {
                services.addAll(BenchStack.SERVICES);
            }
            if (options.runs("propagation")) {
                services.addAll(List.of("curation-service", "public-web"));
            }
            if (options.runs("reading") || options.runs("scale") || options.runs("lineage")) {
                services.add("public-web");
            }
            if (options.runs("intake")) {
                services.add("submission-service");
            }
            if (options.runs("import")) {
                services.add("curation-service");
            }
            if (options.runs("release")) {
                services.addAll(List.of("curation-service", "public-web"));
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
                    footprint.startups("bench kafka", List.of(bench.broker().startupMillis()), List.of(), List.of());
                    for (String service : BenchStack.SERVICES) {
                        if (services.contains(service)) {
                            bench.prepare(service);
                        }
                    }
                    if (options.runs("footprint")) {
                        timedStartups(bench, http, footprint, rss, options, report);
                    }
                    for (String service : BenchStack.SERVICES) {
                        if (!services.contains(service)) {
                            continue;
                        }
                        ServiceInstance instance = bench.instance(service);
                        bench.profile(instance);
                        double ms = instance.start(http, 300_000);
                        System.err.printf("bench: %s ready in %.0f ms (the instance the parts use)%n", service, ms);
                        footprint.keptStart("bench " + service, ms);
                        rss.watch("bench " + service, instance.pid());
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
                // Run order: the scale part first, so that reading, propagation and intake measure the catalog at its
                // largest size (issue 18: 100,000 entries); the report keeps its canonical order of sections.
                report.topology(Report.ONE_REPLICA);
                part(report, "scale", options, () -> new ScalePart(options, http, report, rss).run(stack,
                        stack.instance("public-web"), "bench public-web", catalog, stack.instance("curation-service")));
                part(report, "reading", options, () -> new ReadingPart(options, http, report, rss).run(stack,
                        stack.instance("public-web"), catalog, "bench public-web"));
                report.topology(Report.ONE_REPLICA + ", then " + PropagationPart.TWO_REPLICAS + " (each table says which)");
                part(report, "propagation", options, () -> new PropagationPart(options, http, report, rss).run(stack,
                        stack.instance("curation-service"), stack.instance("public-web"),
                        new Tokens(http, options.keycloak(), "curator", "curator"),
                        Http.total(http.get(stack.instance("public-web").url() + "/api/v1/resources?size=1"))));
                report.topology(Report.ONE_REPLICA);
                part(report, "intake", options, () -> new IntakePart(options, http, report, rss).run(
                        stack.instance("submission-service"), stack.broker().bootstrap()));
                report.topology(Report.ONE_REPLICA + " (the overlap check in the driver's JVM)");
                part(report, "lineage", options, () -> new LineagePart(options, http, report, rss).run(stack,
                        stack.instance("public-web")));
                report.topology("no service: the link checker in the driver's JVM");
                part(report, "linkcheck", options, () -> new LinkCheckPart(options, report).run());
                report.topology(Report.ONE_REPLICA);
                part(report, "import", options, () -> new ImportPart(options, http, report, rss).run(
                        stack.instance("curation-service"), new Tokens(http, options.keycloak(), "curator", "curator")));
                // last: its release of the whole catalog (100,000 entries) must not slow the parts before it
                part(report, "release", options, () -> new ReleasePart(options, http, report, rss).run(stack,
                        stack.instance("curation-service"), stack.instance("public-web"),
                        new Tokens(http, options.keycloak(), "admin", "admin")));
            } catch (RuntimeException e) {
                e.printStackTrace();
                report.problem("the run stopped early: " + e);
            } finally {
                if (options.runs("footprint")) {
                    report.begin("footprint");
                    report.topology(Report.ONE_REPLICA);
                    footprint.catalogSize(catalog.size());
                    footprint.write();
                }
                if (bench != null) {
                    bench.stopProcesses();
                    if (options.profile()) {
                        profileLink = writeProfiles(options, bench, report);
                    }
                    bench.close();
                }
            }
        }
        write(options, report, started, loadBefore, profileLink);
    }

    /**
     * Issue 18's start-up comparison: each service once on its empty database (it migrates), then round by round each
     * service and the empty Quarkus REST application started alone (the others stopped), same JVM options, no recording.
     */
    private static void timedStartups(BenchStack bench, Http http, FootprintPart footprint, RssMonitor rss, Options options,
            Report report) {
        rss.phase("startup");
        List<ServiceInstance> order = new ArrayList<>();
        for (String service : BenchStack.SERVICES) {
            if (bench.instance(service) != null) {
                order.add(bench.instance(service));
            }
        }
        for (ServiceInstance instance : order) {
            double ms = instance.start(http, 300_000);
            System.err.printf("bench: %s ready in %.0f ms (first start: migrates its empty database)%n", instance.name, ms);
            footprint.firstStart("bench " + instance.name, ms);
            instance.stop();
            instance.clearStartups();
        }
        try {
            order.add(bench.prepareEmptyApp());
        } catch (RuntimeException e) {
            report.problem("footprint: no empty Quarkus REST application to compare with: " + e.getMessage());
        }
        int rounds = Math.max(2, options.runs());
        for (int round = 1; round <= rounds; round++) {
            for (ServiceInstance instance : order) {
                double ms = instance.start(http, 300_000);
                System.err.printf("bench: %s ready in %.0f ms (round %d)%n", instance.name, ms, round);
                instance.stop();
            }
        }
        for (ServiceInstance instance : order) {
            footprint.startups("bench " + instance.name, instance.startups(), instance.rssAtReady(),
                    instance.classesAtReady());
            instance.clearStartups();
        }
        rss.phase("idle");
    }

    /** The flight recordings' summaries, next to the report (with --profile); answers the file's name. */
    private static String writeProfiles(Options options, BenchStack bench, Report report) {
        StringBuilder out = new StringBuilder("# Profiles of the benchmark's instances, "
                + options.out().getFileName().toString().replace(".md", "") + "\n\n");
        out.append("`bench/run --profile`: each instance the parts used ran with `-XX:StartFlightRecording=settings=profile` "
                + "(execution samples every 10 ms of a running Java thread, allocation samples) from its start until the end "
                + "of the run; the timed start-ups of the footprint part ran without. Summaries read from the recordings "
                + "with `jdk.jfr.consumer`; the recordings themselves stay in `" + bench.jfrDirectory() + "` until the next "
                + "profiled run (`jfr print`, `jfr summary`, or JDK Mission Control).\n\n");
        bench.instances().forEach((name, instance) -> {
            if (!name.equals(BenchStack.EMPTY_APP)) {
                out.append(JfrSummary.of("bench " + name, bench.jfrFile(name), instance.readyAt()));
            }
        });
        String file = options.out().getFileName().toString().replace(".md", "") + "-profile.md";
        try {
            Files.writeString(options.out().resolveSibling(file), out.toString());
        } catch (IOException e) {
            report.problem("profile: could not write " + file + ": " + e);
            return null;
        }
        return file;
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

    private static void write(Options options, Report report, String started, String loadBefore, String profileLink)
            throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmark results, ").append(options.out().getFileName().toString().replace(".md", ""))
                .append(options.quick() ? " (quick smoke run: not figures to quote)" : "").append("\n\n");
        if (!options.note().isBlank()) {
            out.append("> ").append(options.note()).append("\n\n");
        }
        out.append("Written by `bench/run").append(options.quick() ? " --quick" : "").append("` (see bench/README.md). ")
                .append("Parts: ").append(String.join(", ", options.parts())).append(". Started ").append(started)
                .append(", finished ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".\n\n");
        if (options.profile()) {
            out.append("Profiled (`--profile`): the instances the parts used ran with a flight recording (JFR, profile "
                    + "settings), which costs a little CPU and memory: ").append(profileLink == null ? "no summary written"
                    : "summaries in [" + profileLink + "](" + profileLink + ")").append(".\n\n");
        }
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
