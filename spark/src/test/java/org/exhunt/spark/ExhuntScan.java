package org.exhunt.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.cli.Main;

/** {@code exhunt scan --format jsonl} run in this JVM, the oracle of a run's results, and its lines read back. */
final class ExhuntScan {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExhuntScan() {}

    /** The JSON lines of {@code exhunt scan --format jsonl --threads 1 --server NAME PATH...}, one server per collection. */
    static List<JsonNode> jsonl(List<ExampleCollections.Collection> servers, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("scan", "--format", "jsonl", "--threads", "1", "--no-progress"));
        args.addAll(List.of(options));
        for (ExampleCollections.Collection c : servers) args.addAll(List.of("--server", c.server(), c.path().toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (code == 2 || code == 70) throw new AssertionError("exhunt scan failed (" + code + "): " + err);
        return lines(out.toString());
    }

    static List<JsonNode> lines(String text) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** One server's lines of one type. */
    static List<JsonNode> of(List<JsonNode> lines, String type, String server) {
        return lines.stream().filter(l -> l.get("type").asText().equals(type))
                .filter(l -> l.has("server") && l.get("server").asText().equals(server)).toList();
    }
}
