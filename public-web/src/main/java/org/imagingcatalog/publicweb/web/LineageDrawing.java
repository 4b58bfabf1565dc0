package org.imagingcatalog.publicweb.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imagingcatalog.model.lineage.LineageEdge;
import org.imagingcatalog.model.lineage.LineageNode;
import org.imagingcatalog.model.lineage.LineageView;
import org.imagingcatalog.model.trust.RelationType;

/**
 * An entry's lineage drawn as inline SVG, on the server, without JavaScript: its sources in rows above it (the
 * nearest first), the datasets built from it in rows below, one box per dataset with its name as text, and an
 * arrow from each source to each dataset built from it (dashed: part of; dotted, without a head: identical).
 * The box of the entry itself is drawn with a thick border, outside sources with a dashed one, and each box says
 * in words what it is, so the drawing reads without colour. It is {@code role="img"} with a {@code <title>} and a
 * {@code <desc>} that says the same in sentences; the page lists the same nodes as links beside it. Every text
 * is escaped here: names and addresses are untrusted.
 */
final class LineageDrawing {

    /** What the drawing shows of a node: its label and what kind of node it is. */
    record Node(String id, String label, String kind, boolean self, boolean external) {
    }

    static final int BOX_WIDTH = 184;
    static final int BOX_HEIGHT = 46;
    static final int GAP_X = 14;
    static final int GAP_Y = 46;
    static final int MARGIN = 8;
    /** Boxes drawn per row at most; the rest of a row is one box "and N more" (the list beside names them all). */
    static final int PER_ROW = 4;
    static final int LABEL_MAX = 25;
    /**
     * Rows drawn above and below the entry at most; the levels further away are one box "and N more" (a chain a
     * thousand deep would otherwise draw a thousand rows, which no reader scrolls and the list beside already names).
     */
    static final int DEPTH = 6;

    private LineageDrawing() {
    }

    /**
     * The SVG of {@code view}; {@code nodes} says how to show each node by id. {@code title} and {@code desc} are
     * the drawing's accessible name and description.
     */
    static String svg(LineageView view, Map<String, Node> nodes, String title, String desc) {
        Map<String, Integer> layers = layers(view);
        TreeMap<Integer, List<String>> rows = new TreeMap<>();
        int hiddenAbove = 0;
        int hiddenBelow = 0;
        for (LineageNode node : view.nodes()) {
            int layer = layers.getOrDefault(node.id(), 0);
            if (layer < -DEPTH) {
                hiddenAbove++;
            } else if (layer > DEPTH) {
                hiddenBelow++;
            } else {
                rows.computeIfAbsent(layer, k -> new ArrayList<>()).add(node.id());
            }
        }
        // a comparison that allocates nothing: the sort compares each label about log2(n) times
        Comparator<String> order = Comparator.comparing((String id) -> nodes.get(id).external())
                .thenComparing(id -> nodes.get(id).label(), String.CASE_INSENSITIVE_ORDER).thenComparing(id -> id);
        int widest = 1;
        for (List<String> row : rows.values()) {
            row.sort(order);
            widest = Math.max(widest, Math.min(row.size(), PER_ROW));
        }
        int width = MARGIN * 2 + widest * BOX_WIDTH + (widest - 1) * GAP_X;
        int rowCount = rows.size() + (hiddenAbove > 0 ? 1 : 0) + (hiddenBelow > 0 ? 1 : 0);
        int height = MARGIN * 2 + rowCount * BOX_HEIGHT + (rowCount - 1) * GAP_Y;

        Map<String, int[]> boxes = new HashMap<>();
        StringBuilder shapes = new StringBuilder(4096);
        int y = MARGIN;
        if (hiddenAbove > 0) {
            more(shapes, (width - BOX_WIDTH) / 2, y, hiddenAbove);
            y += BOX_HEIGHT + GAP_Y;
        }
        for (List<String> row : rows.values()) {
            boolean overflow = row.size() > PER_ROW;
            int shown = overflow ? PER_ROW - 1 : row.size();
            int count = overflow ? PER_ROW : row.size();
            int x = (width - (count * BOX_WIDTH + (count - 1) * GAP_X)) / 2;
            for (int i = 0; i < shown; i++) {
                Node node = nodes.get(row.get(i));
                boxes.put(node.id(), new int[] {x, y});
                box(shapes, x, y, node);
                x += BOX_WIDTH + GAP_X;
            }
            if (overflow) {
                more(shapes, x, y, row.size() - shown);
            }
            y += BOX_HEIGHT + GAP_Y;
        }
        if (hiddenBelow > 0) {
            more(shapes, (width - BOX_WIDTH) / 2, y, hiddenBelow);
        }

        StringBuilder svg = new StringBuilder(shapes.length() + 2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"lineage-title lineage-desc\"")
                .append(" class=\"lineage-graph\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">")
                .append("<title id=\"lineage-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"lineage-desc\">").append(escape(desc)).append("</desc>")
                .append("<defs><marker id=\"lineage-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\"")
                .append(" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1b1f24\"/></marker></defs>");
        for (LineageEdge edge : view.edges()) {
            int[] source = boxes.get(edge.to());
            int[] derivative = boxes.get(edge.from());
            if (source != null && derivative != null) {
                arrow(svg, source, derivative, edge.type());
            }
        }
        return svg.append(shapes).append("</svg>").toString();
    }

    /** Rows: the sources above the entry (-1 the nearest), the entry at 0, what is built from it below. */
    static Map<String, Integer> layers(LineageView view) {
        Map<String, List<String>> up = new HashMap<>();
        Map<String, List<String>> down = new HashMap<>();
        for (LineageEdge edge : view.edges()) {
            up.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
            down.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge.from());
        }
        Map<String, Integer> layers = new LinkedHashMap<>();
        layers.put(view.id(), 0);
        walk(view.id(), up, -1, layers);
        walk(view.id(), down, 1, layers);
        return layers;
    }

    private static void walk(String root, Map<String, List<String>> edges, int step, Map<String, Integer> layers) {
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(root));
        Map<String, Integer> seen = new HashMap<>(Map.of(root, 0));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : edges.getOrDefault(node, List.of())) {
                if (!seen.containsKey(next)) {
                    int layer = seen.get(node) + step;
                    seen.put(next, layer);
                    layers.putIfAbsent(next, layer);
                    queue.add(next);
                }
            }
        }
    }

    private static void box(StringBuilder svg, int x, int y, Node node) {
        String stroke = node.self() ? "#1a4f8b" : node.external() ? "#5b6570" : "#1b1f24";
        String fill = node.self() ? "#e8f0fe" : node.external() ? "#f4f5f6" : "#ffffff";
        svg.append("<g class=\"lineage-node\"><rect x=\"").append(x).append("\" y=\"").append(y)
                .append("\" width=\"").append(BOX_WIDTH).append("\" height=\"").append(BOX_HEIGHT)
                .append("\" rx=\"4\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(node.self() ? 3 : 1).append('"')
                .append(node.external() ? " stroke-dasharray=\"5 3\"" : "").append("/>");
        text(svg, x, y + 19, 13, node.self() ? "700" : "400", shorten(node.label()));
        text(svg, x, y + 36, 11, "400", node.kind());
        svg.append("</g>");
    }

    private static void more(StringBuilder svg, int x, int y, int hidden) {
        svg.append("<g class=\"lineage-node\"><rect x=\"").append(x).append("\" y=\"").append(y)
                .append("\" width=\"").append(BOX_WIDTH).append("\" height=\"").append(BOX_HEIGHT)
                .append("\" rx=\"4\" fill=\"#ffffff\" stroke=\"#5b6570\" stroke-dasharray=\"1 3\"/>");
        text(svg, x, y + 28, 13, "400", "and " + hidden + " more (listed)");
        svg.append("</g>");
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String text) {
        svg.append("<text x=\"").append(x + BOX_WIDTH / 2).append("\" y=\"").append(y)
                .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"").append(size)
                .append("\" font-weight=\"").append(weight).append("\" fill=\"#1b1f24\">").append(escape(text))
                .append("</text>");
    }

    /** An arrow from the source's box to the derivative's: between their facing sides. */
    private static void arrow(StringBuilder svg, int[] source, int[] derivative, RelationType type) {
        int x1;
        int y1;
        int x2;
        int y2;
        if (source[1] == derivative[1]) {
            // in one row: an arc over the boxes between them, through the gap above the row
            x1 = source[0] + BOX_WIDTH / 2;
            x2 = derivative[0] + BOX_WIDTH / 2;
            y1 = source[1];
            int apex = Math.max(0, y1 - GAP_Y * 4 / 5);
            svg.append("<path d=\"M").append(x1).append(',').append(y1).append(" Q").append((x1 + x2) / 2).append(',')
                    .append(apex).append(' ').append(x2).append(',').append(y1)
                    .append("\" fill=\"none\" stroke=\"#1b1f24\" stroke-width=\"1.5\"");
            style(svg, type);
            svg.append("/>");
            return;
        } else {
            boolean downwards = source[1] < derivative[1];
            x1 = source[0] + BOX_WIDTH / 2;
            x2 = derivative[0] + BOX_WIDTH / 2;
            y1 = source[1] + (downwards ? BOX_HEIGHT : 0);
            y2 = derivative[1] + (downwards ? 0 : BOX_HEIGHT);
        }
        svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2)
                .append("\" y2=\"").append(y2).append("\" stroke=\"#1b1f24\" stroke-width=\"1.5\"");
        style(svg, type);
        svg.append("/>");
    }

    /** Solid with a head: built from; dashed: part of; dotted without a head: identical. */
    private static void style(StringBuilder svg, RelationType type) {
        switch (type) {
            case IS_PART_OF -> svg.append(" stroke-dasharray=\"6 3\" marker-end=\"url(#lineage-arrow)\"");
            case IS_IDENTICAL_TO -> svg.append(" stroke-dasharray=\"2 3\"");
            default -> svg.append(" marker-end=\"url(#lineage-arrow)\"");
        }
    }

    /** A UTF-16 unit that is XML character data as it is (no markup, no control, no half of a pair). */
    private static boolean plain(int c) {
        return c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    }

    /** At most {@value #LABEL_MAX} characters (code points), the rest as an ellipsis: a box holds no more. */
    static String shorten(String label) {
        String text = label == null ? "" : label.strip();
        if (text.codePointCount(0, text.length()) <= LABEL_MAX) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, LABEL_MAX - 1)) + "…";
    }

    /** Text as XML character data or an attribute value; control characters XML cannot hold are dropped. */
    static String escape(String text) {
        if (text.chars().allMatch(LineageDrawing::plain)) {
            return text; // nearly every label: no copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
