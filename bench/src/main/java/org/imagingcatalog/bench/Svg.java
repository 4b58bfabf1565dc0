package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A plain SVG line chart with a logarithmic x axis (the catalog size), drawn by hand. */
final class Svg {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"};

    private Svg() {
    }

    static String lineChart(String title, String xLabel, String yLabel, List<Integer> xs, Map<String, List<Double>> series) {
        int width = 720;
        int height = 420;
        int left = 70;
        int right = 200;
        int top = 40;
        int bottom = 60;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double minX = Math.log10(xs.get(0));
        double maxX = Math.log10(xs.get(xs.size() - 1));
        if (maxX - minX < 1e-9) {
            maxX = minX + 1;
        }
        double maxY = 0;
        for (List<Double> ys : series.values()) {
            for (Double y : ys) {
                if (y != null && !y.isNaN()) {
                    maxY = Math.max(maxY, y);
                }
            }
        }
        maxY = niceCeiling(maxY);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
                width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", left, esc(title)));
        // axes and grid
        for (int i = 0; i <= 5; i++) {
            double v = maxY * i / 5;
            double y = top + plotH - plotH * i / 5;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", left, y, left + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left - 6, y + 4, fmt(v)));
        }
        for (int x : xs) {
            double px = left + plotW * (Math.log10(x) - minX) / (maxX - minX);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>\n", px, top, px, top + plotH));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%,d</text>\n", px, top + plotH + 18, x));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>\n", left, top, left, top + plotH));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n", left, top + plotH, left + plotW, top + plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", left + plotW / 2, height - 15, esc(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>\n", top + plotH / 2, esc(yLabel)));
        int s = 0;
        for (var e : series.entrySet()) {
            String colour = COLOURS[s % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (int i = 0; i < xs.size() && i < e.getValue().size(); i++) {
                Double y = e.getValue().get(i);
                if (y == null || y.isNaN()) {
                    continue;
                }
                double px = left + plotW * (Math.log10(xs.get(i)) - minX) / (maxX - minX);
                double py = top + plotH - plotH * y / maxY;
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", px, py, colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
                    colour, String.join(" ", points)));
            double ly = top + 10 + 18 * s;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                    left + plotW + 15, ly, left + plotW + 35, ly, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", left + plotW + 40, ly + 4, esc(e.getKey())));
            s++;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    static Map<String, List<Double>> series() {
        return new LinkedHashMap<>();
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fmt(double v) {
        return v >= 10 || v == 0 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
