package io.crmbridge.bench.report;

import java.util.ArrayList;
import java.util.List;

/** One benchmark's part of the report: its figures, ratios against ceilings, notes and findings. */
public final class Section {
    private final String name;
    private final List<Figure> figures = new ArrayList<>();
    private final List<Figure> ratios = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    public Section(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Figure figure(String id, String title, String unit, List<Double> samples) {
        Figure f = new Figure(id, title, unit, samples);
        figures.add(f);
        return f;
    }

    /** A ratio computed round by round (e.g. product ÷ ceiling of the same round), so that noise cancels. */
    public Figure ratio(String id, String title, List<Double> numerators, List<Double> denominators) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(numerators.size(), denominators.size()); i++) {
            r.add(denominators.get(i) == 0 ? Double.NaN : numerators.get(i) / denominators.get(i));
        }
        Figure f = new Figure(id, title, "ratio", r);
        ratios.add(f);
        return f;
    }

    public void note(String text) {
        notes.add(text);
    }

    /** Something that needs fixing or explaining (worse than linear, a missed target, a live handle). */
    public void finding(String text) {
        findings.add(text);
    }

    public List<Figure> figures() {
        return figures;
    }

    public List<Figure> ratios() {
        return ratios;
    }

    public List<String> notes() {
        return notes;
    }

    public List<String> findings() {
        return findings;
    }
}
