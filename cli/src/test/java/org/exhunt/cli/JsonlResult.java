package org.exhunt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.report.FactsJson;

/**
 * A {@code --format jsonl} report read back as a user's script would: its lines, or one server's verdicts,
 * findings and facts (read from its {@code facts} line, not from the notes that put them into words).
 */
final class JsonlResult {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlResult() {}

    /** Every line of a JSON-lines file, parsed. */
    static List<JsonNode> lines(Path report) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(report)) lines.add(JSON.readTree(line));
        return lines;
    }

    /** The lines of one {@code type} ({@code run}, {@code verdict}, {@code finding}, {@code note}, {@code diagnostic}). */
    static List<JsonNode> ofType(List<JsonNode> lines, String type) {
        return lines.stream().filter(l -> l.get("type").asText().equals(type)).toList();
    }

    /** How many events a finding line links, at any depth (the parts of a correlation, and theirs). */
    static int linkedEvents(JsonNode finding) {
        int n = 0;
        for (JsonNode l : finding.get("linked")) n += 1 + linkedEvents(l);
        return n;
    }

    static ServerResult read(Path report) throws IOException {
        String server = null;
        List<Verdict> verdicts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        ServerFacts facts = ServerFacts.NONE;
        for (JsonNode n : lines(report)) {
            switch (n.get("type").asText()) {
                case "verdict" -> {
                    server = n.get("server").asText();
                    verdicts.add(new Verdict(server, n.get("row").asText(), Exposure.valueOf(n.get("exposure").asText()),
                            Compromise.valueOf(n.get("compromise").asText()), n.get("reason").asText(), n.get("detail").asText(),
                            FactsJson.read(n.get("window"), org.exhunt.core.facts.ExposureWindow.class)));
                }
                case "finding" -> findings.add(finding(n));
                case "facts" -> facts = FactsJson.read(n);
                default -> { }
            }
        }
        return new ServerResult(server, List.of(), verdicts, findings, List.of(), facts);
    }

    private static Finding finding(JsonNode n) {
        Finding.Builder b = Finding.builder(n.get("detector").asText(), n.get("rule_id").asText())
                .title(n.get("title").asText()).severity(Severity.parse(n.get("level").asText()))
                .chain(n.get("chain").isNull() ? null : n.get("chain").asText())
                .stage(Stage.ofLabel(n.get("stage").asText()).orElseThrow())
                .time(n.get("time").isNull() ? null : Instant.parse(n.get("time").asText()));
        n.get("tags").forEach(t -> b.tag(t.asText()));
        n.get("evidence").forEach(e -> b.evidence(e.get("name").asText(), e.get("value").asText()));
        n.get("linked").forEach(l -> b.link(finding(l)));
        JsonNode s = n.get("source");
        return b.source(new SourceRef(s.get("file").asText(), s.path("line").asLong(-1), s.path("offset").asLong(-1),
                s.hasNonNull("record") ? s.get("record").asText() : null)).build();
    }
}
