package org.exhunt.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.exhunt.core.IsoTime;
import org.exhunt.core.ServerResult;
import org.exhunt.core.facts.Action;
import org.exhunt.core.facts.Impact;

/**
 * The JSON lines of what to do now and of what the attackers touched (docs/jsonl-schema.md): per server, one
 * {@code action} line per step and one {@code impact} line per item, with what {@code item} it is; after every server, one
 * {@code mailbox} line per mailbox any server names as exported or read, across the servers: the notification list.
 */
final class JsonlImpact {

    private JsonlImpact() {}

    /** A server's {@code action} lines, in order, then its {@code impact} lines. */
    static void server(Writer out, ServerResult r) throws IOException {
        for (Action a : r.facts().actions()) item(out, "action", r.server(), null, a);
        Impact i = ImpactWords.of(r.facts());
        for (var e : i.exports()) item(out, "impact", r.server(), "export", e);
        for (var x : i.reads()) item(out, "impact", r.server(), "read", x);
        for (var x : i.sent()) item(out, "impact", r.server(), "sent", x);
        for (var x : i.credentials()) item(out, "impact", r.server(), "credential", x);
        for (var x : i.accounts()) item(out, "impact", r.server(), "account", x);
        for (var x : i.persistence()) item(out, "impact", r.server(), "persistence", x);
        if (i.scope() != null) JsonlReport.line(out, g -> {
            g.writeStringField("type", "impact");
            g.writeStringField("server", r.server());
            g.writeStringField("item", "scope");
            g.writeStringField("from", i.scope().from() == null ? null : IsoTime.format(i.scope().from()));
            g.writeStringField("from_why", i.scope().fromWhy());
            strings(g, "rows", i.scope().rows());
            g.writeStringField("host", i.scope().server());   // the host name the evidence gives, beside the line's server
            g.writeStringField("list_with", i.scope().listWith());
        });
        for (String limit : i.limits()) JsonlReport.line(out, g -> {
            g.writeStringField("type", "impact");
            g.writeStringField("server", r.server());
            g.writeStringField("item", "limit");
            g.writeStringField("text", limit);
        });
    }

    private static void item(Writer out, String type, String server, String kind, Object item) throws IOException {
        JsonlReport.line(out, g -> {
            g.writeStringField("type", type);
            g.writeStringField("server", server);
            if (kind != null) g.writeStringField("item", kind);
            FactsJson.fields(g, item);
        });
    }

    /** The {@code mailbox} lines: {@link MailboxList}, one line per mailbox. */
    static void mailboxes(Writer out, List<ServerResult> results) throws IOException {
        for (MailboxList.Entry m : MailboxList.of(results)) JsonlReport.line(out, g -> {
            g.writeStringField("type", "mailbox");
            g.writeStringField("mailbox", m.mailbox());
            strings(g, "how", m.how());
            strings(g, "servers", m.servers());
            g.writeStringField("first", m.first() == null ? null : IsoTime.format(m.first()));
            g.writeStringField("last", m.last() == null ? null : IsoTime.format(m.last()));
            g.writeStringField("confidence", m.confidence() == null ? null : m.confidence().name());
        });
    }

    private static void strings(JsonGenerator g, String field, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}
