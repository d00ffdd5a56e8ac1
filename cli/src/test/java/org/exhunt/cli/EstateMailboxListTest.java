package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.hunt.examples.ExampleImages;
import org.exhunt.testkit.image.ExpectedImpact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification list of an estate (docs/jsonl-schema.md): one {@code exhunt scan --format jsonl} of several
 * example images, each a server, gives one {@code mailbox} line per mailbox the oracle says was read or exported on
 * any of them, with the servers that show it, and none for the clean one.
 */
class EstateMailboxListTest {

    private static final List<String> ESTATE = List.of("proxylogon-victim", "proxyshell-victim", "clean");

    @TempDir
    Path tmp;

    @Test
    void oneScanOfAnEstateListsEachMailboxReadOrExportedOnceWithItsServers() throws IOException {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String name : ESTATE) {
            ExpectedImpact impact = ExampleImages.expected(name).impact();
            assertThat(impact).as("the oracle's impact of %s", name).isNotNull();
            impact.reads().forEach(r -> expected.computeIfAbsent(key(r.mailbox()), k -> new TreeSet<>()).add(name));
            impact.exports().forEach(e -> expected.computeIfAbsent(key(e.mailbox()), k -> new TreeSet<>()).add(name));
        }
        assertThat(expected).as("the estate has mailboxes to list").hasSizeGreaterThanOrEqualTo(3);

        Path report = tmp.resolve("estate.jsonl");
        List<String> args = new ArrayList<>(List.of("scan", "--quiet", "--no-progress", "--format", "jsonl", "-o", report.toString()));
        ESTATE.forEach(n -> args.add(ExampleImages.image(n).toString()));
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertThat(run.err()).isEmpty();

        List<JsonNode> mailboxes = JsonlResult.ofType(JsonlResult.lines(report), "mailbox");
        Map<String, Set<String>> listed = new TreeMap<>();
        for (JsonNode m : mailboxes) {
            Set<String> servers = new TreeSet<>();
            m.get("servers").forEach(s -> servers.add(s.asText()));
            assertThat(listed.put(key(m.get("mailbox").asText()), servers)).as("listed once: %s", m).isNull();
            assertThat(m.get("first").asText()).isNotEmpty();
        }
        assertThat(listed).isEqualTo(expected);
    }

    private static String key(String mailbox) {
        return mailbox.toLowerCase(Locale.ROOT);
    }
}
