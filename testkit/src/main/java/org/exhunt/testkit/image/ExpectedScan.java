package org.exhunt.testkit.image;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.IsoTime;

/**
 * What a correct scan of an image says: per row the exposure and the compromise verdict (a list when more than one
 * answer is right), the findings it must report (by the trace they come from: file, time, chain, stage, not by
 * rule), the benign look-alikes it must not report as evidence, and the exit code. Written as the image's
 * {@code <name>.expected.json}; the format is described in {@code examples/README.md}.
 *
 * @param exitCode null when the oracle cannot say (an exposure the build table does not settle)
 * @param impact   what the attackers touched, or null when not checked
 * @param actions  the steps of what to do now, in order, or null when not checked
 */
public record ExpectedScan(String image, String description, Integer exitCode, List<Row> verdicts, List<Finding> findings,
                           ExpectedImpact impact, List<ExpectedAction> actions) {

    /** An expectation of verdicts and findings only. */
    public ExpectedScan(String image, String description, Integer exitCode, List<Row> verdicts, List<Finding> findings) {
        this(image, description, exitCode, verdicts, findings, null, null);
    }

    /**
     * @param exposure   null when the build table cannot settle it (see {@link Oracle})
     * @param compromise the right answers, usually one
     */
    public record Row(String row, String exposure, List<String> compromise, String why) {
        public Row {
            compromise = List.copyOf(compromise);
        }
    }

    /**
     * @param source drive path of the file the finding is read from ('/'-separated)
     * @param time   the time of the record it is read from, or null for a file on disk
     * @param stage  {@link Stage#label()}, or null when either stage is right
     */
    public record Finding(String source, Instant time, String chain, String stage, boolean required, boolean benign,
                          String what) {

        @Override
        public String toString() {
            return (benign ? "benign " : "") + (stage == null ? "any stage" : stage) + " / " + (chain == null ? "no chain" : chain)
                    + " at " + source + (time == null ? "" : " " + time) + " (" + what + ")";
        }
    }

    public ExpectedScan {
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
        actions = actions == null ? null : List.copyOf(actions);
    }

    /** The file's text: pretty JSON with a fixed field order, LF line ends, so it regenerates byte for byte. */
    public String toJson() {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("image", image);
        root.put("description", description);
        if (exitCode == null) root.putNull("exit_code");
        else root.put("exit_code", exitCode);
        ArrayNode rows = root.putArray("verdicts");
        for (Row r : verdicts) {
            ObjectNode o = rows.addObject();
            o.put("row", r.row());
            o.put("exposure", r.exposure());
            ArrayNode c = o.putArray("compromise");
            r.compromise().forEach(c::add);
            o.put("why", r.why());
        }
        ArrayNode fs = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = fs.addObject();
            o.put("source", f.source());
            o.put("time", f.time() == null ? null : IsoTime.format(f.time()));
            o.put("chain", f.chain());
            o.put("stage", f.stage());
            o.put("required", f.required());
            if (f.benign()) o.put("benign", true);
            o.put("what", f.what());
        }
        if (impact != null) impact.write(root.putObject("impact"));
        if (actions != null) {
            ArrayNode steps = root.putArray("actions");
            actions.forEach(a -> a.write(steps.addObject()));
        }
        StringWriter out = new StringWriter();
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            json.writeTree(g, root);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out + "\n";
    }

    public void writeTo(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** An expected-verdict file read back, as {@link #toJson} writes it and examples/README.md describes it. */
    public static ExpectedScan read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : root.get("verdicts")) {
            List<String> compromise = new ArrayList<>();
            r.get("compromise").forEach(c -> compromise.add(c.asText()));
            rows.add(new Row(r.get("row").asText(), text(r, "exposure"), compromise, text(r, "why")));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            String time = text(f, "time");
            findings.add(new Finding(f.get("source").asText(), time == null ? null : Instant.parse(time), text(f, "chain"),
                    text(f, "stage"), f.get("required").asBoolean(), f.path("benign").asBoolean(false), text(f, "what")));
        }
        JsonNode exit = root.get("exit_code");
        ExpectedImpact impact = root.has("impact") ? ExpectedImpact.read(root.get("impact")) : null;
        List<ExpectedAction> actions = null;
        if (root.has("actions")) {
            actions = new ArrayList<>();
            for (JsonNode a : root.get("actions")) actions.add(ExpectedAction.read(a));
        }
        return new ExpectedScan(root.get("image").asText(), text(root, "description"),
                exit == null || exit.isNull() ? null : exit.asInt(), rows, findings, impact, actions);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
