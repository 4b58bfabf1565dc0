package org.imagingcatalog.curation.linkhealth;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two texts, line by line (longest common subsequence): each changed line with a line of
 * context around it, the rest left out ("…"). Enough for a curator to see that the version or the licence changed.
 */
public final class LineDiff {

    /** {@code kind}: {@code " "} unchanged, {@code "-"} only before, {@code "+"} only now, {@code "…"} lines left out. */
    public record Line(String kind, String text) {

        public boolean removed() {
            return kind.equals("-");
        }

        public boolean added() {
            return kind.equals("+");
        }
    }

    /** Longer texts are compared on their first lines only (the table is lines x lines). */
    static final int MAX_LINES = 1500;
    private static final int CONTEXT = 1;

    private LineDiff() {
    }

    public static List<Line> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> all = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                all.add(new Line(" ", a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                all.add(new Line("-", a[i++]));
            } else {
                all.add(new Line("+", b[j++]));
            }
        }
        return withContext(all);
    }

    private static List<Line> withContext(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (!all.get(k).kind().equals(" ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        List<Line> shown = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                shown.add(all.get(k));
            } else if (shown.isEmpty() || !shown.get(shown.size() - 1).kind().equals("…")) {
                shown.add(new Line("…", ""));
            }
        }
        return shown;
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        String[] lines = text.split("\n");
        return lines.length <= MAX_LINES ? lines : java.util.Arrays.copyOf(lines, MAX_LINES);
    }
}
