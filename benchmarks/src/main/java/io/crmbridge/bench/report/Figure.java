package io.crmbridge.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One measured quantity over repeated rounds: its samples, median and spread.
 *
 * @param id      a stable key for the JSON report, e.g. {@code ingest.x1.product.acknowledged}
 * @param samples one value per round, in round order
 */
public record Figure(String id, String title, String unit, List<Double> samples) {

    public Figure {
        samples = List.copyOf(samples);
    }

    public double median() {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** (max − min) ÷ median, in percent: how much the rounds disagree. */
    public double spreadPercent() {
        double m = median();
        return m == 0 || Double.isNaN(m) ? 0 : 100 * (max() - min()) / Math.abs(m);
    }
}
