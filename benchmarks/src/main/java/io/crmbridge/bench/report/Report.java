package io.crmbridge.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The whole run: the machine, each benchmark's section, the targets; written as Markdown and as JSON. */
public final class Report {
    private final Map<String, Object> machine;
    private final List<Section> sections = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Instant started = Instant.now();
    private final List<String> command;

    public Report(Map<String, Object> machine, List<String> command) {
        this.machine = new LinkedHashMap<>(machine);
        this.command = List.copyOf(command);
    }

    public Section section(String name) {
        Section s = new Section(name);
        sections.add(s);
        return s;
    }

    public void target(Target t) {
        targets.add(t);
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        machine.put("loadAverageAtEnd", Machine.loadAverage());
        Files.writeString(dir.resolve("report.md"), markdown());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("report.json").toFile(), json());
    }

    private Map<String, Object> json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        root.put("arguments", command);
        root.put("machine", machine);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Section s : sections) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("figures", s.figures().stream().map(Report::json).toList());
            m.put("ratios", s.ratios().stream().map(Report::json).toList());
            m.put("notes", s.notes());
            m.put("findings", s.findings());
            out.add(m);
        }
        root.put("sections", out);
        root.put("targets", targets.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", t.what());
            m.put("figure", t.figureId());
            m.put("limit", t.limit());
            m.put("comparison", t.atLeast() ? ">=" : "<");
            m.put("value", t.value());
            m.put("met", t.met());
            m.put("marginPercent", t.marginPercent());
            return m;
        }).toList());
        return root;
    }

    private static Map<String, Object> json(Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("title", f.title());
        m.put("unit", f.unit());
        m.put("median", f.median());
        m.put("min", f.min());
        m.put("max", f.max());
        m.put("spreadPercent", f.spreadPercent());
        m.put("samples", f.samples());
        return m;
    }

    private String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# CRM Bridge benchmark report\n\n");
        b.append("Started ").append(started).append(", finished ").append(Instant.now()).append(".  \n");
        b.append("Arguments: `").append(String.join(" ", command)).append("`\n\n");
        b.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        if (!targets.isEmpty()) {
            b.append("\n## Targets\n\n| target | figure | limit | median | met | margin |\n|---|---|---|---|---|---|\n");
            for (Target t : targets) {
                b.append("| ").append(t.what()).append(" | `").append(t.figureId()).append("` | ")
                        .append(t.atLeast() ? "≥ " : "< ").append(num(t.limit())).append(" | ").append(num(t.value()))
                        .append(" | ").append(t.met() ? "yes" : "**no**").append(" | ")
                        .append(String.format(Locale.ROOT, "%+.0f %%", t.marginPercent())).append(" |\n");
            }
        }
        for (Section s : sections) {
            b.append("\n## ").append(s.name()).append("\n\n");
            if (!s.figures().isEmpty()) {
                table(b, s.figures());
            }
            if (!s.ratios().isEmpty()) {
                b.append("\nRatios (computed round by round, then the median):\n\n");
                table(b, s.ratios());
            }
            if (!s.findings().isEmpty()) {
                b.append("\nFindings:\n\n");
                s.findings().forEach(f -> b.append("- ").append(f).append('\n'));
            }
            if (!s.notes().isEmpty()) {
                b.append("\nNotes:\n\n");
                s.notes().forEach(n -> b.append("- ").append(n).append('\n'));
            }
        }
        return b.toString();
    }

    private static void table(StringBuilder b, List<Figure> figures) {
        b.append("| figure | median | min – max | spread | unit | rounds |\n|---|---:|---:|---:|---|---:|\n");
        for (Figure f : figures) {
            b.append("| ").append(f.title()).append(" <br>`").append(f.id()).append("` | ").append(num(f.median()))
                    .append(" | ").append(num(f.min())).append(" – ").append(num(f.max())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f %%", f.spreadPercent())).append(" | ").append(f.unit())
                    .append(" | ").append(f.samples().size()).append(" |\n");
        }
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
