package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Medians and percentiles (nearest rank) of measured values. */
final class Stats {

    private Stats() {
    }

    static double percentile(Collection<? extends Number> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values.size());
        for (Number n : values) {
            sorted.add(n.doubleValue());
        }
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double median(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values.size());
        for (Number n : values) {
            sorted.add(n.doubleValue());
        }
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double max(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).max().orElse(Double.NaN);
    }

    /** Milliseconds with a sensible number of digits for a table. */
    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        if (millis < 10) {
            return String.format("%.2f", millis);
        }
        if (millis < 100) {
            return String.format("%.1f", millis);
        }
        return String.format("%.0f", millis);
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }

    static String mib(long bytes) {
        return bytes <= 0 ? "n/a" : String.format("%.0f", bytes / 1048576.0);
    }
}
