package org.exhunt.testkit.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.exhunt.core.IsoTime;

/**
 * What a correct scan says the attackers touched on an image (docs/ARCHITECTURE.md, "Impact"): exactly these
 * mailboxes exported and read, mail to review, credentials exposed, accounts changed and ways back in, and whether every
 * mailbox was within reach and from when. Part of {@link ExpectedScan}, written and read with it.
 */
public record ExpectedImpact(List<Export> exports, List<Read> reads, List<Sent> sent, List<Credential> credentials,
                             List<Account> accounts, List<Persistence> persistence, Scope scope) {

    /** A mailbox exported by a cmdlet at {@code time}, into {@code file} (Windows path), still on disk or not. */
    public record Export(String mailbox, String file, boolean onDisk, Instant time) {}

    /** A mailbox the attackers' requests acted on, through {@code protocol}. */
    public record Read(String mailbox, String protocol) {}

    /** A message sent out from a reached mailbox while the attackers were active. */
    public record Sent(String sender, String recipient) {}

    /**
     * An account whose credentials are exposed, and how: {@code computer-account}, {@code logged-on-before-dump},
     * {@code used-by-attacker}.
     */
    public record Credential(String account, String how) {}

    /** An account {@code created}, {@code added-to-group} or {@code role-assigned} ({@code group}: the group or role). */
    public record Account(String kind, String account, String group) {}

    /** A {@code scheduled-task} or {@code service} created. */
    public record Persistence(String kind, String name) {}

    /**
     * Whether the conservative scope is stated ({@code present}; null: either is right) and the bounds its time lies
     * in (the earliest possible and the earliest required evidence; null: not checked).
     */
    public record Scope(Boolean present, Instant earliest, Instant latest) {}

    /** Nothing touched: no intrusion. */
    public static final ExpectedImpact NONE = new ExpectedImpact(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), new Scope(false, null, null));

    public ExpectedImpact {
        exports = List.copyOf(exports);
        reads = List.copyOf(reads);
        sent = List.copyOf(sent);
        credentials = List.copyOf(credentials);
        accounts = List.copyOf(accounts);
        persistence = List.copyOf(persistence);
    }

    void write(ObjectNode o) {
        ArrayNode e = o.putArray("exports");
        exports.forEach(x -> e.addObject().put("mailbox", x.mailbox()).put("file", x.file()).put("on_disk", x.onDisk())
                .put("time", IsoTime.format(x.time())));
        ArrayNode r = o.putArray("reads");
        reads.forEach(x -> r.addObject().put("mailbox", x.mailbox()).put("protocol", x.protocol()));
        ArrayNode s = o.putArray("sent");
        sent.forEach(x -> s.addObject().put("sender", x.sender()).put("recipient", x.recipient()));
        ArrayNode c = o.putArray("credentials");
        credentials.forEach(x -> c.addObject().put("account", x.account()).put("how", x.how()));
        ArrayNode a = o.putArray("accounts");
        accounts.forEach(x -> a.addObject().put("kind", x.kind()).put("account", x.account()).put("group", x.group()));
        ArrayNode p = o.putArray("persistence");
        persistence.forEach(x -> p.addObject().put("kind", x.kind()).put("name", x.name()));
        ObjectNode sc = o.putObject("scope");
        if (scope.present() == null) sc.putNull("present");
        else sc.put("present", scope.present());
        sc.put("from_earliest", scope.earliest() == null ? null : IsoTime.format(scope.earliest()));
        sc.put("from_latest", scope.latest() == null ? null : IsoTime.format(scope.latest()));
    }

    static ExpectedImpact read(JsonNode o) {
        JsonNode sc = o.get("scope");
        return new ExpectedImpact(
                list(o, "exports", x -> new Export(text(x, "mailbox"), text(x, "file"), x.get("on_disk").asBoolean(),
                        Instant.parse(text(x, "time")))),
                list(o, "reads", x -> new Read(text(x, "mailbox"), text(x, "protocol"))),
                list(o, "sent", x -> new Sent(text(x, "sender"), text(x, "recipient"))),
                list(o, "credentials", x -> new Credential(text(x, "account"), text(x, "how"))),
                list(o, "accounts", x -> new Account(text(x, "kind"), text(x, "account"), text(x, "group"))),
                list(o, "persistence", x -> new Persistence(text(x, "kind"), text(x, "name"))),
                new Scope(sc.get("present").isNull() ? null : sc.get("present").asBoolean(), time(sc, "from_earliest"),
                        time(sc, "from_latest")));
    }

    private static <T> List<T> list(JsonNode o, String field, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        o.path(field).forEach(x -> out.add(item.apply(x)));
        return out;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant time(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : Instant.parse(t);
    }
}
