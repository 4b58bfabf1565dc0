package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown report: sections in the canonical order of the parts, and one line per goal. Every section and goal
 * names the topology it was measured on (issue 18, part 3: one instance of each service, or two public-web replicas
 * on one read model), the one set by {@link #topology(String)} unless a goal names its own.
 */
final class Report {

    /** The topology of most parts: the benchmark's own broker and one instance of each service. */
    static final String ONE_REPLICA = "1 replica each";

    record Goal(String part, String goal, String measured, Boolean met, String note, String topology) {
    }

    /** The order of the parts in the report (their section numbers), whatever order they ran in. */
    private static final List<String> ORDER = List.of("reading", "scale", "propagation", "intake", "footprint", "lineage",
            "linkcheck", "import", "release");

    private final java.util.Map<String, StringBuilder> bodies = new java.util.LinkedHashMap<>();
    private StringBuilder body = new StringBuilder();

    Report() {
        for (String part : Options.ALL_PARTS) {
            bodies.put(part, new StringBuilder());
        }
    }

    /** Everything written from now on belongs to this part (the report lists parts in their canonical order). */
    void begin(String part) {
        body = bodies.get(part);
    }
    private final List<Goal> goals = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String topology = ONE_REPLICA;

    /** The topology of what is measured from now on: named under each section title and in each goal's row. */
    void topology(String text) {
        topology = text;
    }

    String topology() {
        return topology;
    }

    void section(String title) {
        body.append("\n## ").append(title).append("\n\n");
        body.append("Topology: ").append(topology).append(".\n\n");
    }

    void subsection(String title) {
        body.append("\n### ").append(title).append("\n\n");
    }

    void line(String text) {
        body.append(text).append('\n');
    }

    void paragraph(String text) {
        body.append(text).append("\n\n");
    }

    void table(List<String> header, List<List<String>> rows) {
        body.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> body.append("---|"));
        body.append('\n');
        for (List<String> row : rows) {
            body.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        body.append('\n');
    }

    void goal(String part, String goal, String measured, Boolean met, String note) {
        goal(part, goal, measured, met, note, topology);
    }

    void goal(String part, String goal, String measured, Boolean met, String note, String goalTopology) {
        goals.add(new Goal(part, goal, measured, met, note == null ? "" : note, goalTopology));
    }

    /** Something that kept a part from measuring what it should: listed at the top of the report. */
    void problem(String text) {
        problems.add(text);
        System.err.println("bench: " + text);
    }

    String goalsTable() {
        StringBuilder out = new StringBuilder();
        out.append("| part | goal | measured | met | topology | note |\n|---|---|---|---|---|---|\n");
        List<Goal> sorted = new ArrayList<>(goals);
        sorted.sort(java.util.Comparator.comparingInt(g -> ORDER.indexOf(g.part())));
        for (Goal g : sorted) {
            String met = g.met() == null ? "not measured" : g.met() ? "yes" : "**no**";
            out.append("| ").append(g.part()).append(" | ").append(g.goal()).append(" | ").append(g.measured())
                    .append(" | ").append(met).append(" | ").append(g.topology()).append(" | ").append(g.note()).append(" |\n");
        }
        return out.toString();
    }

    List<String> problems() {
        return problems;
    }

    String body() {
        StringBuilder out = new StringBuilder();
        for (String part : ORDER) {
            out.append(bodies.get(part));
        }
        return out.toString();
    }
}
