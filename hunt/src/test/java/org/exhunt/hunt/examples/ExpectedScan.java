package org.exhunt.hunt.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An example image's {@code <name>.expected.json} (format: examples/README.md), read independently of the test
 * kit that writes it: the file is the contract.
 *
 * @param exitCode null when the expectation leaves it open
 */
public record ExpectedScan(String image, String description, Integer exitCode, List<Row> verdicts, List<Finding> findings) {

    /** @param exposure null when left open; {@code compromise}: the right answers */
    public record Row(String row, String exposure, List<String> compromise, String why) {}

    /**
     * @param source drive path of the file the finding is read from
     * @param time   the record's time, or null (a file on disk)
     * @param chain  the row the finding is linked to, null for none
     * @param stage  null when either stage is right
     */
    public record Finding(String source, Instant time, String chain, String stage, boolean required, boolean benign,
                          String what) {

        @Override
        public String toString() {
            return (benign ? "benign " : "") + (stage == null ? "any stage" : stage) + " / " + (chain == null ? "no chain" : chain)
                    + " at " + source + (time == null ? "" : " " + time) + " (" + what + ")";
        }
    }

    public static ExpectedScan read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : root.get("verdicts")) {
            List<String> compromise = new ArrayList<>();
            r.get("compromise").forEach(c -> compromise.add(c.asText()));
            rows.add(new Row(r.get("row").asText(), text(r, "exposure"), List.copyOf(compromise), text(r, "why")));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            String time = text(f, "time");
            findings.add(new Finding(f.get("source").asText(), time == null ? null : Instant.parse(time), text(f, "chain"),
                    text(f, "stage"), f.get("required").asBoolean(), f.path("benign").asBoolean(false), text(f, "what")));
        }
        JsonNode exit = root.get("exit_code");
        return new ExpectedScan(root.get("image").asText(), text(root, "description"),
                exit == null || exit.isNull() ? null : exit.asInt(), List.copyOf(rows), List.copyOf(findings));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
