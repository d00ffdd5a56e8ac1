package org.exhunt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.IpAddress;
import org.exhunt.core.IsoTime;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Verdict;

/**
 * JSON lines shaped for Elastic and OpenSearch ({@code --format ecs}), following the Elastic Common Schema
 * {@link #ECS_VERSION}: one document per line. Each finding is an {@code event.kind: alert}; each event a
 * finding links is an {@code event.kind: event} that names the alert in {@code exhunt.linked_to}; each
 * verdict is an {@code event.kind: state}, and so are each server's facts ({@code exhunt.facts}); each diagnostic
 * an {@code event.kind: event} with {@code log.level}. ECS fields are filled where the evidence has them (source IP, URL, HTTP, user agent,
 * file); everything else exhunt knows sits under the custom {@code exhunt.*} field set. Mapping:
 * docs/report-formats.md.
 */
public final class EcsReport implements ReportWriter {

    /** The ECS version the documents follow and are tested against. */
    public static final String ECS_VERSION = "9.4.0";

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Writer out, RunInfo run, List<ServerResult> results) throws IOException {
        for (ServerResult r : results) {
            List<String> notes = Notes.of(r.facts());
            for (Verdict v : r.verdicts()) line(out, verdict(run, v, notes));
            line(out, facts(run, r));
        }
        for (TimelineEvent e : TimelineEvent.of(results)) line(out, event(run, e));
        for (ServerResult r : results) {
            for (Diagnostic d : r.diagnostics()) line(out, diagnostic(run, r.server(), d));
        }
        out.flush();
    }

    private static void line(Writer out, EcsDocument doc) throws IOException {
        out.write(JSON.writeValueAsString(doc.json()));
        out.write('\n');
    }

    private static EcsDocument common(RunInfo run, Instant timestamp, String kind, String dataset, String server) {
        return new EcsDocument()
                .put("@timestamp", IsoTime.format(timestamp))
                .put("ecs.version", ECS_VERSION)
                .put("event.kind", kind)
                .put("event.module", "exhunt")
                .put("event.dataset", dataset)
                .put("event.created", run.started().toString())
                .put("host.name", server)
                .put("exhunt.version", run.exhuntVersion())
                .put("exhunt.rules_version", run.rulesVersion())
                .put("exhunt.kb_version", run.kbVersion());
    }

    private static EcsDocument verdict(RunInfo run, Verdict v, List<String> notes) {
        EcsDocument doc = common(run, run.started(), "state", "exhunt.verdict", v.server())
                .put("message", v.row() + ": exposure " + v.exposure() + ", compromise " + v.compromise()
                        + " (" + v.reason() + ")")
                .put("exhunt.verdict.row", v.row())
                .put("exhunt.verdict.exposure", v.exposure().name())
                .put("exhunt.verdict.compromise", v.compromise().name())
                .put("exhunt.verdict.reason", v.reason())
                .put("exhunt.verdict.detail", v.detail())
                .putAll("exhunt.notes", notes);
        if (v.window() != null) doc.put("exhunt.verdict.window", FactsJson.tree(v.window()));
        if (v.row().startsWith("CVE-")) doc.put("vulnerability.id", v.row());
        return doc;
    }

    /** The server's facts as one state document: {@code exhunt.facts} holds the same object as JSON lines' facts line. */
    private static EcsDocument facts(RunInfo run, ServerResult r) {
        return common(run, run.started(), "state", "exhunt.facts", r.server())
                .put("message", "facts of " + r.server() + ": build, coverage, timelines (see exhunt.facts)")
                .put("exhunt.facts", FactsJson.tree(r.facts()));
    }

    private static EcsDocument event(RunInfo run, TimelineEvent e) {
        Finding f = e.finding();
        boolean alert = e.parentId() == null;
        EcsDocument doc = common(run, e.timeOr(run.started()), alert ? "alert" : "event",
                "exhunt.finding", e.server())
                .put("message", f.title())
                .putAll("event.category", List.of("intrusion_detection"))
                .putAll("event.type", List.of("info"))
                .put("event.severity", f.severity().ordinal() + 1)
                .put("event.id", e.id())
                .put("rule.id", f.ruleId())
                .put("rule.name", f.title())
                .put("rule.ruleset", f.detector())
                .put("rule.description", f.meta().get("description"))
                .put("rule.reference", f.meta().get("reference"))
                .putAll("rule.author", f.meta().containsKey("author") ? List.of(f.meta().get("author")) : List.of())
                .putAll("tags", f.tags())
                .put("log.file.path", f.source().file());
        threat(doc, f.tags());
        List<String> cves = AttackTags.cves(f.tags());
        if (!cves.isEmpty()) doc.put("vulnerability.id", cves.get(0));
        for (Evidence ev : f.evidence()) evidenceField(doc, ev);

        doc.put("exhunt.finding_id", e.id())
                .put("exhunt.linked_to", e.parentId())
                .put("exhunt.detector", f.detector())
                .put("exhunt.level", f.severity().label())
                .put("exhunt.chain", f.chain())
                .put("exhunt.stage", f.stage().label())
                .put("exhunt.time_known", e.hasTime());
        source(doc, f.source());
        ArrayNode evidence = JsonNodeFactory.instance.arrayNode();
        for (Evidence ev : f.evidence()) evidence.addObject().put("name", ev.name()).put("value", ev.value());
        if (!evidence.isEmpty()) doc.put("exhunt.evidence", evidence);
        return doc;
    }

    private static void threat(EcsDocument doc, List<String> tags) {
        List<AttackTags.Technique> techniques = AttackTags.techniques(tags);
        List<AttackTags.Tactic> tactics = AttackTags.tactics(tags);
        if (techniques.isEmpty() && tactics.isEmpty()) return;
        doc.put("threat.framework", "MITRE ATT&CK")
                .putAll("threat.technique.id", techniques.stream().map(AttackTags.Technique::id).distinct().toList())
                .putAll("threat.technique.subtechnique.id", techniques.stream()
                        .map(AttackTags.Technique::subtechniqueId).filter(s -> s != null).distinct().toList())
                .putAll("threat.tactic.id", tactics.stream().map(AttackTags.Tactic::id).toList())
                .putAll("threat.tactic.name", tactics.stream().map(AttackTags.Tactic::name).toList());
    }

    /** Fills the ECS field an evidence name maps to, when its value has the field's type. */
    private static void evidenceField(EcsDocument doc, Evidence ev) {
        EcsFieldMap.Target target = EcsFieldMap.forEvidence(ev.name());
        if (target == null) return;
        String value = ev.value().trim();
        switch (target.kind()) {
            case TEXT -> doc.put(target.field(), ev.value());
            case IP -> doc.put(IpAddress.isLiteral(value) ? target.field() : "source.address", value);
            case NUMBER -> {
                if (isLong(value)) doc.put(target.field(), Long.parseLong(value));
            }
            case QUERY -> doc.put(target.field(), value.startsWith("?") ? value.substring(1) : value);
            case DATE -> {
                if (isInstant(value)) doc.put(target.field(), value);
            }
        }
    }

    private static boolean isInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void source(EcsDocument doc, SourceRef s) {
        if (s.hasLine()) doc.put("exhunt.source.line", s.line());
        if (s.hasOffset()) doc.put("exhunt.source.offset", s.offset());
        doc.put("exhunt.source.record", s.recordId());
    }

    private static EcsDocument diagnostic(RunInfo run, String server, Diagnostic d) {
        EcsDocument doc = common(run, run.started(), "event", "exhunt.diagnostic", server)
                .put("message", d.message())
                .put("event.code", d.code())
                .put("log.level", d.level().name().toLowerCase(Locale.ROOT))
                .put("log.file.path", d.where().file())
                .put("exhunt.not_read", d.isError());
        source(doc, d.where());
        return doc;
    }

    /** A whole number that fits a {@code long}, without a regular expression over the attacker's text. */
    private static boolean isLong(String value) {
        int start = value.startsWith("-") ? 1 : 0;
        if (value.length() <= start || value.length() - start > 18) return false;
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') return false;
        }
        return true;
    }
}
