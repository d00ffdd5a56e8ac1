package org.exhunt.testkit.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.ServerResult;
import org.exhunt.core.facts.RowTimeline;

/**
 * What a scan answered about one server, as {@link ScanCheck} reads it: its verdict rows, its findings (the file and
 * record each was read from, its chain and the stage the scan gave it) and the first evidence of each row's timeline.
 * Read from the typed result ({@link #of}) or from the JSON lines a user gets ({@link #ofJsonl}, docs/jsonl-schema.md):
 * the data only, never the notes that put the facts into words.
 *
 * @param impact  what the attackers touched, or null when the answer has none (a result without a scan's facts)
 * @param actions the steps of what to do now, in order
 */
public record ScanAnswer(List<Row> verdicts, List<Finding> findings, List<Timeline> timelines, ImpactAnswer impact,
                         List<ImpactAnswer.Step> actions) {

    public record Row(String row, String exposure, String compromise, String reason) {}

    /**
     * @param file  the file the finding was read from, as the scan names it
     * @param time  the record's time, or null (a file on disk)
     * @param chain the row the scan linked it to, or null
     * @param stage the stage the scan gave it, as its label ({@code post-exploitation})
     * @param linked the events it ties together (the traces of one LSASS dump, a correlation's events)
     */
    public record Finding(String ruleId, String file, Instant time, String chain, String stage, List<Finding> linked) {

        public Finding {
            linked = List.copyOf(linked);
        }
    }

    /** @param first the time of the row's earliest finding, or null when none has one */
    public record Timeline(String row, Instant first) {}

    public ScanAnswer {
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
        timelines = List.copyOf(timelines);
        actions = List.copyOf(actions);
    }

    /** An answer of verdicts, findings and timelines only. */
    public ScanAnswer(List<Row> verdicts, List<Finding> findings, List<Timeline> timelines) {
        this(verdicts, findings, timelines, null, List.of());
    }

    public static ScanAnswer of(ServerResult r) {
        List<Timeline> timelines = r.facts().scan() == null ? List.of()
                : r.facts().scan().timelines().stream().map(t -> new Timeline(t.row(), t.first())).toList();
        return new ScanAnswer(
                r.verdicts().stream().map(v -> new Row(v.row(), v.exposure().name(), v.compromise().name(), v.reason())).toList(),
                r.findings().stream().map(ScanAnswer::finding).toList(),
                timelines, r.facts().scan() == null ? null : ImpactAnswer.of(r.facts().scan().impact()),
                ImpactAnswer.steps(r.facts().actions()));
    }

    /**
     * The answer in the lines of a {@code --format jsonl} report of one server: its {@code verdict}, {@code finding},
     * {@code impact} and {@code action} lines, and the {@code timelines} of its {@code facts} line ({@link RowTimeline}'s
     * {@code row} and {@code first}).
     */
    public static ScanAnswer ofJsonl(List<JsonNode> lines) {
        List<Row> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Timeline> timelines = new ArrayList<>();
        boolean scanned = false;
        List<JsonNode> impactLines = new ArrayList<>();
        List<JsonNode> actionLines = new ArrayList<>();
        int facts = 0;
        for (JsonNode n : lines) {
            switch (n.get("type").asText()) {
                case "verdict" -> rows.add(new Row(n.get("row").asText(), n.get("exposure").asText(), n.get("compromise").asText(),
                        n.get("reason").asText()));
                case "finding" -> findings.add(finding(n));
                case "facts" -> {
                    if (++facts > 1) throw new IllegalArgumentException("a report of more than one server");
                    for (JsonNode t : n.path("scan").path("timelines")) {
                        timelines.add(new Timeline(t.get("row").asText(), time(t.get("first"))));
                    }
                    scanned = !n.path("scan").isNull() && !n.path("scan").isMissingNode();
                }
                case "impact" -> impactLines.add(n);
                case "action" -> actionLines.add(n);
                default -> { }
            }
        }
        return new ScanAnswer(rows, findings, timelines, scanned ? ImpactAnswer.ofLines(impactLines) : null,
                ImpactAnswer.steps(actionLines));
    }

    private static Finding finding(org.exhunt.core.Finding f) {
        return new Finding(f.ruleId(), f.source().file(), f.time(), f.chain(), f.stage().label(),
                f.linked().stream().map(ScanAnswer::finding).toList());
    }

    private static Finding finding(JsonNode n) {
        List<Finding> linked = new ArrayList<>();
        n.path("linked").forEach(l -> linked.add(finding(l)));
        return new Finding(n.get("rule_id").asText(), n.get("source").get("file").asText(), time(n.get("time")),
                text(n.get("chain")), n.get("stage").asText(), linked);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant time(JsonNode value) {
        String t = text(value);
        return t == null ? null : Instant.parse(t);
    }
}
