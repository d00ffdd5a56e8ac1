package org.exhunt.hunt.ioc.stix;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.hunt.ioc.IndicatorSource;
import org.exhunt.hunt.ioc.IocSet;

/**
 * Reads the {@code indicator} objects of a STIX 2.1 bundle ({@code {"type": "bundle", "objects": [...]}}), object by
 * object, so that a large feed is never held whole and each object keeps the line it starts on. Every indicator
 * whose pattern exhunt cannot use is reported (the line, the indicator's id, the column in the pattern); objects
 * that are not indicators (identities, malware, relationships, markings) are counted in one note. Validity times are
 * not applied: evidence on disk is old, and an indicator that has expired still describes what was there.
 */
public final class StixBundle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final IocSet into;
    private final Consumer<Diagnostic> problems;
    private final Map<String, Integer> otherObjects = new TreeMap<>();
    private int loaded;

    private StixBundle(String file, IocSet into, Consumer<Diagnostic> problems) {
        this.file = file;
        this.into = into;
        this.problems = problems;
    }

    /** Adds the indicators of a bundle to a set; returns how many STIX indicators were loaded. */
    public static int load(String file, InputStream in, IocSet into, Consumer<Diagnostic> problems) throws IOException {
        StixBundle b = new StixBundle(file, into, problems);
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            b.bundle(p);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.accept(Diagnostic.error("stix.json", at == null ? SourceRef.file(file) : SourceRef.line(file, at.getLineNr()),
                    (at == null ? "" : "column " + at.getColumnNr() + ": ") + "not valid JSON (" + e.getOriginalMessage()
                            + "): the rest of the file was not read"));
        }
        if (!b.otherObjects.isEmpty()) {
            problems.accept(Diagnostic.info("stix.other-objects", SourceRef.file(file),
                    "objects that are not indicators were not used: " + b.otherObjects));
        }
        return b.loaded;
    }

    private void bundle(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_OBJECT) {
            problems.accept(Diagnostic.error("stix.bundle", SourceRef.line(file, p.currentTokenLocation().getLineNr()),
                    "not a STIX bundle: " + (first == null ? "the file is empty" : "expected a JSON object")));
            return;
        }
        String type = null;
        boolean sawObjects = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                type = p.getText();
            } else if (field.equals("objects") && value == JsonToken.START_ARRAY) {
                sawObjects = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    long line = p.currentTokenLocation().getLineNr();
                    object(JSON.readTree(p), line);
                }
            } else {
                p.skipChildren();
            }
        }
        if (!"bundle".equals(type) || !sawObjects) {
            problems.accept(Diagnostic.error("stix.bundle", SourceRef.file(file), "not a STIX bundle (type '" + type
                    + "'" + (sawObjects ? "" : ", no objects") + "): give indicators inside a bundle's objects"));
        }
    }

    private void object(JsonNode o, long line) {
        String type = o.path("type").asText("");
        if (!type.equals("indicator")) {
            otherObjects.merge(type.isEmpty() ? "(no type)" : type, 1, Integer::sum);
            return;
        }
        String id = o.path("id").asText("");
        SourceRef where = new SourceRef(file, line, -1, id.isEmpty() ? null : id);
        if (id.isEmpty()) {
            problems.accept(Diagnostic.error("stix.indicator", where, "indicator without an id: not loaded"));
            return;
        }
        if (o.path("revoked").asBoolean(false)) {
            problems.accept(Diagnostic.info("stix.revoked", where, "revoked by its producer: not used"));
            return;
        }
        String patternType = o.path("pattern_type").asText("stix");
        if (!patternType.equals("stix")) {
            problems.accept(Diagnostic.error("stix.pattern-type", where, "pattern_type '" + patternType
                    + "' is not STIX patterning: not loaded"));
            return;
        }
        String pattern = o.path("pattern").asText("");
        if (pattern.isBlank()) {
            problems.accept(Diagnostic.error("stix.indicator", where, "indicator without a pattern: not loaded"));
            return;
        }
        IndicatorSource source = new IndicatorSource(id, o.path("name").asText(id), "", null, null, reference(o), where);
        try {
            PatternIndicators.Converted c = PatternIndicators.convert(PatternParser.parse(pattern), source);
            c.files().forEach(into::add);
            c.addresses().forEach(into::add);
            c.urls().forEach(into::add);
            loaded++;
        } catch (PatternException e) {
            problems.accept(Diagnostic.error("stix.pattern", where, "pattern column " + (e.position() + 1) + ": "
                    + e.getMessage() + ": not loaded (" + excerpt(pattern, e.position()) + ")"));
        }
    }

    /** Who published an indicator: its first external reference, else the file it came in. */
    private String reference(JsonNode o) {
        List<String> keys = List.of("url", "source_name", "external_id");
        for (JsonNode ref : o.path("external_references")) {
            for (String k : keys) if (ref.hasNonNull(k)) return ref.get(k).asText();
        }
        return file;
    }

    /** The pattern around a position, with the position marked, for messages. */
    static String excerpt(String pattern, int position) {
        int from = Math.max(0, position - 30);
        int to = Math.min(pattern.length(), position + 30);
        return (from > 0 ? "..." : "") + pattern.substring(from, position) + " --> " + pattern.substring(position, to)
                + (to < pattern.length() ? "..." : "");
    }
}
