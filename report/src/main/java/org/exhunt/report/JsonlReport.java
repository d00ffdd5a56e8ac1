package org.exhunt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.IsoTime;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Verdict;

/**
 * JSON lines, one object per line, for jq and SIEM loaders. The schema is documented in
 * {@code docs/jsonl-schema.md}; {@link #SCHEMA_VERSION} changes whenever a field changes meaning or goes away.
 */
public final class JsonlReport implements ReportWriter {

    public static final int SCHEMA_VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void write(Writer out, RunInfo run, List<ServerResult> results) throws IOException {
        writeRun(out, run);
        for (ServerResult r : results) writeResult(out, r);
        out.flush();
    }

    /** The first line, naming the versions: for writers that stream results as they come ({@code exhunt probe}). */
    public void writeRun(Writer out, RunInfo run) throws IOException {
        line(out, g -> {
            g.writeStringField("type", "run");
            g.writeNumberField("schema", SCHEMA_VERSION);
            g.writeStringField("exhunt", run.exhuntVersion());
            g.writeStringField("rules", run.rulesVersion());
            g.writeStringField("kb", run.kbVersion());
            g.writeStringField("started", run.started().toString());
            if (!run.filters().isEmpty()) filters(g, run.filters());
        });
    }

    /** {@code "filters": [{file, id, title, rules}]}: the Sigma filter documents the run applied. */
    private static void filters(JsonGenerator g, List<RunInfo.Filter> filters) throws IOException {
        g.writeArrayFieldStart("filters");
        for (RunInfo.Filter f : filters) {
            g.writeStartObject();
            g.writeStringField("file", f.file());
            g.writeStringField("id", f.id());
            g.writeStringField("title", f.title());
            g.writeArrayFieldStart("rules");
            for (String r : f.rules()) g.writeString(r);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The lines of one server's result: verdicts, findings, notes (the facts in words), the facts, diagnostics. */
    public void writeResult(Writer out, ServerResult r) throws IOException {
        for (Verdict v : r.verdicts()) line(out, g -> verdict(g, v));
        for (Finding f : r.findings()) line(out, g -> {
            g.writeStringField("type", "finding");
            g.writeStringField("server", r.server());
            finding(g, f);
        });
        for (String note : Notes.of(r.facts())) line(out, g -> {
            g.writeStringField("type", "note");
            g.writeStringField("server", r.server());
            g.writeStringField("text", note);
        });
        line(out, g -> {
            g.writeStringField("type", "facts");
            g.writeStringField("server", r.server());
            FactsJson.fields(g, r.facts());
        });
        for (Diagnostic d : r.diagnostics()) line(out, g -> {
            g.writeStringField("type", "diagnostic");
            g.writeStringField("server", r.server());
            g.writeStringField("level", d.level().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("code", d.code());
            g.writeStringField("message", d.message());
            source(g, d.where());
        });
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static void line(Writer out, Fields fields) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        fields.write(g);
        g.writeEndObject();
        g.flush();
        out.write('\n');
    }

    private static void verdict(JsonGenerator g, Verdict v) throws IOException {
        g.writeStringField("type", "verdict");
        g.writeStringField("server", v.server());
        g.writeStringField("row", v.row());
        g.writeStringField("exposure", v.exposure().name());
        g.writeStringField("compromise", v.compromise().name());
        g.writeStringField("reason", v.reason());
        g.writeStringField("detail", v.detail());
        g.writeFieldName("window");
        FactsJson.write(g, v.window());
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStringField("detector", f.detector());
        g.writeStringField("rule_id", f.ruleId());
        g.writeStringField("title", f.title());
        g.writeStringField("level", f.severity().label());
        g.writeStringField("chain", f.chain());
        g.writeStringField("stage", f.stage().label());
        g.writeStringField("time", f.time() == null ? null : IsoTime.format(f.time()));
        g.writeArrayFieldStart("tags");
        for (String t : f.tags()) g.writeString(t);
        g.writeEndArray();
        g.writeObjectFieldStart("meta");
        for (Map.Entry<String, String> m : f.meta().entrySet()) g.writeStringField(m.getKey(), m.getValue());
        g.writeEndObject();
        g.writeArrayFieldStart("evidence");
        for (Evidence e : f.evidence()) {
            g.writeStartObject();
            g.writeStringField("name", e.name());
            g.writeStringField("value", e.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        source(g, f.source());
        g.writeArrayFieldStart("linked");
        for (Finding l : f.linked()) {
            g.writeStartObject();
            finding(g, l);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Writes {@code "source": {file, line?, offset?, record?}}; shared with {@link RecordJsonl}. */
    static void source(JsonGenerator g, SourceRef s) throws IOException {
        g.writeObjectFieldStart("source");
        g.writeStringField("file", s.file());
        if (s.hasLine()) g.writeNumberField("line", s.line());
        if (s.hasOffset()) g.writeNumberField("offset", s.offset());
        if (s.recordId() != null) g.writeStringField("record", s.recordId());
        g.writeEndObject();
    }
}
