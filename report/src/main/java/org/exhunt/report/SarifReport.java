package org.exhunt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.IsoTime;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Verdict;

/**
 * SARIF 2.1.0 ({@code --format sarif}) for CI gates and code-scanning viewers: one run per scan. The tool is
 * exhunt, with the rule pack and knowledge base as extensions; each rule that produced a result is a
 * reporting descriptor with its title, description, level, tags and references; each finding is a result
 * at its file URI and line or byte offset, with a fingerprint that stays the same across runs, and the
 * events it links as related locations. Diagnostics are tool execution notifications; verdicts, notes and
 * each server's facts are in the run's property bag. Mapping: docs/report-formats.md.
 */
public final class SarifReport implements ReportWriter {

    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The key of exhunt's fingerprint in {@code result.fingerprints}; the suffix changes with its recipe. */
    public static final String FINGERPRINT_KEY = "exhunt/v1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public void write(Writer out, RunInfo run, List<ServerResult> results) throws IOException {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        ObjectNode sarifRun = log.putArray("runs").addObject();

        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = NODES.arrayNode();
        ArrayNode sarifResults = NODES.arrayNode();
        for (ServerResult r : results) {
            for (Finding f : r.findings()) {
                Integer index = ruleIndex.get(f.ruleId());
                if (index == null) {
                    index = rules.size();
                    ruleIndex.put(f.ruleId(), index);
                    rules.add(rule(f));
                }
                sarifResults.add(result(r.server(), f, index));
            }
        }
        sarifRun.set("tool", tool(run, rules));
        sarifRun.putArray("invocations").add(invocation(run, results));
        sarifRun.set("results", sarifResults);
        sarifRun.set("properties", verdicts(results));

        out.write(JSON.writeValueAsString(log));
        out.write('\n');
        out.flush();
    }

    private static ObjectNode tool(RunInfo run, ArrayNode rules) {
        ObjectNode tool = NODES.objectNode();
        ObjectNode driver = tool.putObject("driver");
        driver.put("name", "exhunt");
        driver.put("version", run.exhuntVersion());
        driver.put("informationUri", "https://github.com/exhunt/exhunt");
        driver.set("rules", rules);
        ArrayNode extensions = tool.putArray("extensions");
        extensions.addObject().put("name", "exhunt-rules").put("version", run.rulesVersion());
        extensions.addObject().put("name", "exhunt-kb").put("version", run.kbVersion());
        return tool;
    }

    /** The rule's metadata, taken from the first finding of that rule. References stay plain text. */
    private static ObjectNode rule(Finding f) {
        ObjectNode rule = NODES.objectNode();
        rule.put("id", f.ruleId());
        rule.putObject("shortDescription").put("text", f.title());
        String description = f.meta().get("description");
        if (description != null) rule.putObject("fullDescription").put("text", description);
        rule.putObject("defaultConfiguration").put("level", level(f.severity()));
        ObjectNode props = rule.putObject("properties");
        tags(props, f.tags());
        props.put("detector", f.detector());
        props.put("severity", f.severity().label());
        String securitySeverity = securitySeverity(f.severity());
        if (securitySeverity != null) props.put("security-severity", securitySeverity);
        ObjectNode meta = props.putObject("meta");
        f.meta().forEach(meta::put);
        return rule;
    }

    private static ObjectNode result(String server, Finding f, int ruleIndex) {
        ObjectNode result = NODES.objectNode();
        result.put("ruleId", f.ruleId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(f.severity()));
        result.putObject("message").put("text", f.title() + " (server " + server + ")");
        result.putArray("locations").addObject().set("physicalLocation", physicalLocation(f.source()));
        if (!f.linked().isEmpty()) {
            ArrayNode related = result.putArray("relatedLocations");
            for (Finding linked : f.linked()) {
                ObjectNode location = related.addObject();
                location.put("id", related.size() - 1);
                location.putObject("message").put("text",
                        "linked: [" + linked.severity().label() + "] " + linked.title() + " (" + linked.ruleId() + ")");
                location.set("physicalLocation", physicalLocation(linked.source()));
                location.set("properties", findingProperties(server, linked));
            }
        }
        result.putObject("fingerprints").put(FINGERPRINT_KEY, FindingId.fingerprint(server, f));
        result.set("properties", findingProperties(server, f));
        return result;
    }

    private static ObjectNode findingProperties(String server, Finding f) {
        ObjectNode props = NODES.objectNode();
        props.put("server", server);
        props.put("findingId", FindingId.of(server, f));
        props.put("detector", f.detector());
        props.put("severity", f.severity().label());
        if (f.chain() != null) props.put("chain", f.chain());
        props.put("stage", f.stage().label());
        if (f.time() != null) props.put("time", IsoTime.format(f.time()));
        ArrayNode evidence = props.putArray("evidence");
        for (Evidence e : f.evidence()) evidence.addObject().put("name", e.name()).put("value", e.value());
        tags(props, f.tags());
        return props;
    }

    /** SARIF's well-known {@code tags} property: a set, so duplicates go. */
    private static void tags(ObjectNode props, List<String> tags) {
        if (tags.isEmpty()) return;
        ArrayNode array = props.putArray("tags");
        new LinkedHashSet<>(tags).forEach(array::add);
    }

    private static ObjectNode physicalLocation(SourceRef s) {
        ObjectNode location = NODES.objectNode();
        location.putObject("artifactLocation").put("uri", FileUris.of(s.file()));
        if (s.hasLine() || s.hasOffset()) {
            ObjectNode region = location.putObject("region");
            if (s.hasLine()) region.put("startLine", Math.max(1, s.line()));
            if (s.hasOffset()) region.put("byteOffset", s.offset());
        }
        if (s.recordId() != null) location.putObject("properties").put("record", s.recordId());
        return location;
    }

    private static ObjectNode invocation(RunInfo run, List<ServerResult> results) {
        ObjectNode invocation = NODES.objectNode();
        invocation.put("executionSuccessful", true);
        invocation.put("startTimeUtc", run.started().toString());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (ServerResult r : results) {
            for (Diagnostic d : r.diagnostics()) {
                ObjectNode n = notifications.addObject();
                n.put("level", switch (d.level()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "note";
                });
                n.putObject("message").put("text", d.message());
                n.putObject("descriptor").put("id", d.code());
                n.putArray("locations").addObject().set("physicalLocation", physicalLocation(d.where()));
                n.putObject("properties").put("server", r.server()).put("notRead", d.isError());
            }
        }
        return invocation;
    }

    private static ObjectNode verdicts(List<ServerResult> results) {
        ObjectNode props = NODES.objectNode();
        ArrayNode verdicts = props.putArray("verdicts");
        ArrayNode notes = props.putArray("notes");
        ArrayNode facts = props.putArray("facts");
        for (ServerResult r : results) {
            for (Verdict v : r.verdicts()) {
                ObjectNode o = verdicts.addObject().put("server", v.server()).put("row", v.row())
                        .put("exposure", v.exposure().name()).put("compromise", v.compromise().name())
                        .put("reason", v.reason()).put("detail", v.detail());
                o.set("window", v.window() == null ? NODES.nullNode() : FactsJson.tree(v.window()));
            }
            for (String note : Notes.of(r.facts())) notes.addObject().put("server", r.server()).put("text", note);
            facts.addObject().put("server", r.server()).setAll(FactsJson.tree(r.facts()));
        }
        return props;
    }

    /** SARIF levels: high and critical fail a gate ({@code error}), medium warns, the rest are notes. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFORMATIONAL -> "note";
        };
    }

    /** GitHub code scanning's numeric severity (critical above 9.0, high 7.0 to 8.9, ...); none for informational. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            case INFORMATIONAL -> null;
        };
    }
}
