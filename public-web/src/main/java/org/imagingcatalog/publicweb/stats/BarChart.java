package org.imagingcatalog.publicweb.stats;

/**
 * A small horizontal bar chart of one figure as inline SVG: three labelled bars (yes, no, unknown),
 * each with its number beside it, so the chart reads without colour and without JavaScript. Only
 * numbers and fixed labels go into it.
 */
public final class BarChart {

    private static final int LABEL_WIDTH = 90;
    private static final int BAR_MAX = 220;
    private static final int ROW = 26;
    private static final int WIDTH = LABEL_WIDTH + BAR_MAX + 60;

    private BarChart() {
    }

    public static String svg(Figure figure) {
        long max = Math.max(1, Math.max(figure.yes(), Math.max(figure.no(), figure.unknown())));
        String id = "chart-" + figure.key();
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"").append(id)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(ROW * 3 + 4)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(ROW * 3 + 4)
                .append("\" class=\"chart\">");
        svg.append("<title id=\"").append(id).append("\">").append(figure.sentence()).append("</title>");
        bar(svg, 0, "Yes", figure.yes(), max, "#1e6b31");
        bar(svg, 1, "No", figure.no(), max, "#a4161a");
        bar(svg, 2, "Unknown", figure.unknown(), max, "#5b6570");
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, int row, String label, long value, long max, String colour) {
        int y = row * ROW + 2;
        long width = value == 0 ? 0 : Math.max(2, Math.round((double) value / max * BAR_MAX));
        svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" fill=\"#1b1f24\" font-size=\"14\">")
                .append(label).append("</text>");
        svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"").append(width)
                .append("\" height=\"18\" fill=\"").append(colour).append("\"/>");
        svg.append("<text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"").append(y + 17)
                .append("\" fill=\"#1b1f24\" font-size=\"14\" font-weight=\"700\">").append(value).append("</text>");
    }
}
