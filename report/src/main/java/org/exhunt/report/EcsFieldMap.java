package org.exhunt.report;

import java.util.Locale;
import java.util.Map;

/**
 * Which evidence names become which ECS fields. Evidence names are the record field names of
 * docs/record-fields.md (IIS W3C, Exchange HttpProxy, file records); lookup ignores case. The table is
 * data: a new log field that means the same as an ECS field is one more line here.
 */
final class EcsFieldMap {

    /** How an ECS field's value is made from the evidence text. */
    enum Kind {
        /** The text as it is. */
        TEXT,
        /** An IP address; text that is not one goes to {@code source.address} instead. */
        IP,
        /** A whole number (ECS {@code long}); text that is not one is left out. */
        NUMBER,
        /** A query string without its leading {@code ?}. */
        QUERY,
        /** An ISO 8601 time; text that is not one is left out. */
        DATE
    }

    record Target(String field, Kind kind) {}

    private static final Map<String, Target> BY_EVIDENCE_NAME = Map.ofEntries(
            // IIS W3C and the Sigma webserver taxonomy
            Map.entry("c-ip", new Target("source.ip", Kind.IP)),
            Map.entry("cs-method", new Target("http.request.method", Kind.TEXT)),
            Map.entry("cs-uri-stem", new Target("url.path", Kind.TEXT)),
            Map.entry("cs-uri-query", new Target("url.query", Kind.QUERY)),
            Map.entry("sc-status", new Target("http.response.status_code", Kind.NUMBER)),
            Map.entry("cs(user-agent)", new Target("user_agent.original", Kind.TEXT)),
            Map.entry("cs-user-agent", new Target("user_agent.original", Kind.TEXT)),
            Map.entry("cs(referer)", new Target("http.request.referrer", Kind.TEXT)),
            Map.entry("cs-referer", new Target("http.request.referrer", Kind.TEXT)),
            Map.entry("cs-username", new Target("user.name", Kind.TEXT)),
            Map.entry("cs-host", new Target("url.domain", Kind.TEXT)),
            // Exchange HttpProxy logs
            Map.entry("clientipaddress", new Target("source.ip", Kind.IP)),
            Map.entry("method", new Target("http.request.method", Kind.TEXT)),
            Map.entry("urlstem", new Target("url.path", Kind.TEXT)),
            Map.entry("urlquery", new Target("url.query", Kind.QUERY)),
            Map.entry("httpstatus", new Target("http.response.status_code", Kind.NUMBER)),
            Map.entry("useragent", new Target("user_agent.original", Kind.TEXT)),
            Map.entry("authenticateduser", new Target("user.name", Kind.TEXT)),
            Map.entry("urlhost", new Target("url.domain", Kind.TEXT)),
            // message tracking and proxy taxonomies
            Map.entry("client-ip", new Target("source.ip", Kind.IP)),
            Map.entry("src_ip", new Target("source.ip", Kind.IP)),
            Map.entry("c-useragent", new Target("user_agent.original", Kind.TEXT)),
            // file records and file findings
            Map.entry("path", new Target("file.path", Kind.TEXT)),
            Map.entry("sha256", new Target("file.hash.sha256", Kind.TEXT)),
            Map.entry("size", new Target("file.size", Kind.NUMBER)),
            Map.entry("modified", new Target("file.mtime", Kind.DATE)),
            Map.entry("created", new Target("file.created", Kind.DATE)),
            Map.entry("accessed", new Target("file.accessed", Kind.DATE)));

    private EcsFieldMap() {}

    /** The ECS field for an evidence name, or {@code null} when none fits. */
    static Target forEvidence(String name) {
        return BY_EVIDENCE_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
