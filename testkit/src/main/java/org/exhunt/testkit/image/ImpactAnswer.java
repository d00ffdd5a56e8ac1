package org.exhunt.testkit.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.exhunt.core.facts.Action;
import org.exhunt.core.facts.Impact;

/**
 * What a scan answered of the attackers' impact and of what to do now, as {@link ScanCheck} compares it: the data of
 * its typed result ({@link #of(Impact)}) or of its {@code impact} and {@code action} JSON lines ({@link #ofLines},
 * docs/jsonl-schema.md), never its words.
 *
 * @param scopeFrom the scope's time, or null (also when there is no scope)
 */
public record ImpactAnswer(List<Export> exports, List<Read> reads, List<Sent> sent, List<Credential> credentials,
                           List<Account> accounts, List<Persistence> persistence, boolean scope, Instant scopeFrom) {

    public record Export(String mailbox, String file, Boolean onDisk, Instant time) {}

    public record Read(String mailbox, String protocol) {}

    public record Sent(String sender, List<String> recipients) {}

    public record Credential(String account, String how) {}

    public record Account(String kind, String account, String group) {}

    public record Persistence(String kind, String name) {}

    /** A step of what to do now: its id and what it names. */
    public record Step(String step, List<String> subjects) {}

    public ImpactAnswer {
        exports = List.copyOf(exports);
        reads = List.copyOf(reads);
        sent = List.copyOf(sent);
        credentials = List.copyOf(credentials);
        accounts = List.copyOf(accounts);
        persistence = List.copyOf(persistence);
    }

    static ImpactAnswer of(Impact i) {
        return new ImpactAnswer(
                i.exports().stream().map(e -> new Export(e.mailbox(), e.file(), e.fileOnDisk(), e.time())).toList(),
                i.reads().stream().map(r -> new Read(r.mailbox(), r.protocol())).toList(),
                i.sent().stream().map(s -> new Sent(s.sender(), s.recipients())).toList(),
                i.credentials().stream().map(c -> new Credential(c.account(), c.how())).toList(),
                i.accounts().stream().map(a -> new Account(a.kind(), a.account(), a.group())).toList(),
                i.persistence().stream().map(p -> new Persistence(p.kind(), p.name())).toList(),
                i.scope() != null, i.scope() == null ? null : i.scope().from());
    }

    /** The {@code impact} lines of one server (docs/jsonl-schema.md), each by its {@code item}. */
    static ImpactAnswer ofLines(List<JsonNode> lines) {
        ObjectNode i = JsonNodeFactory.instance.objectNode();
        for (String list : List.of("exports", "reads", "sent", "credentials", "accounts", "persistence")) i.putArray(list);
        i.putNull("scope");
        for (JsonNode line : lines) {
            switch (line.get("item").asText()) {
                case "export" -> ((ArrayNode) i.get("exports")).add(line);
                case "read" -> ((ArrayNode) i.get("reads")).add(line);
                case "sent" -> ((ArrayNode) i.get("sent")).add(line);
                case "credential" -> ((ArrayNode) i.get("credentials")).add(line);
                case "account" -> ((ArrayNode) i.get("accounts")).add(line);
                case "persistence" -> ((ArrayNode) i.get("persistence")).add(line);
                case "scope" -> i.set("scope", line);
                default -> { }
            }
        }
        return of(i);
    }

    /** The {@code scan.impact} object of a {@code facts} line. */
    static ImpactAnswer of(JsonNode i) {
        JsonNode scope = i.get("scope");
        boolean scoped = scope != null && !scope.isNull();
        return new ImpactAnswer(
                list(i, "exports", e -> new Export(text(e, "mailbox"), text(e, "file"),
                        e.get("file_on_disk").isNull() ? null : e.get("file_on_disk").asBoolean(), time(e, "time"))),
                list(i, "reads", r -> new Read(text(r, "mailbox"), text(r, "protocol"))),
                list(i, "sent", s -> new Sent(text(s, "sender"), texts(s.get("recipients")))),
                list(i, "credentials", c -> new Credential(text(c, "account"), text(c, "how"))),
                list(i, "accounts", a -> new Account(text(a, "kind"), text(a, "account"), text(a, "group"))),
                list(i, "persistence", p -> new Persistence(text(p, "kind"), text(p, "name"))),
                scoped, scoped ? time(scope, "from") : null);
    }

    static List<Step> steps(List<Action> actions) {
        return actions.stream().map(a -> new Step(a.step(), a.subjects())).toList();
    }

    /** The {@code action} lines of one server, in order. */
    static List<Step> steps(Iterable<JsonNode> actions) {
        List<Step> out = new ArrayList<>();
        actions.forEach(a -> out.add(new Step(text(a, "step"), texts(a.get("subjects")))));
        return out;
    }

    private static <T> List<T> list(JsonNode o, String field, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        o.path(field).forEach(x -> out.add(item.apply(x)));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant time(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : Instant.parse(t);
    }
}
