package org.exhunt.probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.exhunt.core.Compromise;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.ActiveCheckResult;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.Certificate;
import org.exhunt.core.facts.ProbeFacts;
import org.exhunt.core.facts.ServerFacts;
import org.exhunt.kb.BuildAssessment;
import org.exhunt.kb.BuildFactsOf;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.Row;
import org.exhunt.kb.RowExposure;
import org.exhunt.probe.http.TlsFacts;

/**
 * Turns what a probe saw into a {@link ServerResult}: one verdict per row of the knowledge base with the exposure
 * the build gives (compromise is never assessed remotely), the active checks applied (a reachable primitive
 * confirms VULNERABLE; an aborted ProxyLogon SSRF on a vulnerable build is MITIGATED), findings for what the
 * server discloses (build, certificate, internal names; context: exposure, not evidence of compromise), the facts
 * the probe saw, and a diagnostic when the target could not be probed.
 */
final class ProbeReport {

    private static final int TEXT_SHOWN = 200;

    private ProbeReport() {}

    static ServerResult of(ProbeOutcome o, KnowledgeBase kb, Instant now) {
        String server = o.target().input();
        List<Verdict> verdicts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        BuildFacts build = null;
        SourceRef where = SourceRef.file(o.target().base() + TargetProbe.LOGON);
        TargetStatus status = o.status();

        switch (status) {
            case NO_ANSWER, TLS_FAILURE, GARBAGE -> {
                String why = describe(status) + ": " + o.failure().message();
                problems.add(Diagnostic.error("probe." + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        SourceRef.file(o.failure().uri().toString()), why));
                for (Row r : kb.rows()) verdicts.add(new Verdict(server, r.name(), Exposure.UNKNOWN, Compromise.NOT_ASSESSED, why));
            }
            case REDIRECTED -> {
                String why = "redirected to " + shortened(o.redirect()) + ": a reverse proxy or pre-authentication portal may"
                        + " stand in front of Exchange, so what runs behind it is unknown (no redirect is followed; probe the"
                        + " server behind it, or scan it)";
                for (Row r : kb.rows()) verdicts.add(new Verdict(server, r.name(), Exposure.UNKNOWN, Compromise.NOT_ASSESSED, why));
            }
            case NOT_EXCHANGE -> {
                String why = "not Exchange: " + what(o);
                for (Row r : kb.rows()) verdicts.add(new Verdict(server, r.name(), Exposure.NOT_AFFECTED, Compromise.NOT_ASSESSED, why));
            }
            case EXCHANGE_NO_VERSION -> {
                String why = "Exchange (" + what(o) + "), but no build or CU showed";
                for (Row r : kb.rows()) verdicts.add(new Verdict(server, r.name(), Exposure.UNKNOWN, Compromise.NOT_ASSESSED, why));
            }
            default -> {
                BuildAssessment a = kb.assess(o.build());
                for (RowExposure r : a.rows()) {
                    RowExposure applied = applyActive(r, o.active());
                    if (applied.exposure() == Exposure.MITIGATED) status = TargetStatus.MITIGATED;
                    verdicts.add(new Verdict(server, r.row(), applied.exposure(), Compromise.NOT_ASSESSED, applied.reason()));
                }
                build = BuildFactsOf.of(a, BuildSource.HTTP, o.buildSource(), null, null, List.of(), List.of());
                findings.add(Finding.builder("probe", "exhunt.probe.build").title("Exchange build " + o.build() + " (" + o.buildSource() + ")")
                        .severity(Severity.INFORMATIONAL).stage(Stage.CONTEXT).source(where).evidence("build", o.build().toString())
                        .evidence("source", o.buildSource()).evidence("known_as", a.description()).time(now).build());
            }
        }
        Certificate certificate = tls(o.tls(), now, where, findings);
        new TreeMap<>(o.leaked()).forEach((header, value) -> {
            findings.add(Finding.builder("probe", "exhunt.probe.internal-name").title("Internal server name in " + header)
                    .severity(Severity.LOW).stage(Stage.CONTEXT).source(where).evidence("header", header).evidence("value", value).time(now).build());
        });
        List<ActiveCheckResult> checks = new ArrayList<>();
        for (ActiveCheck c : o.active()) {
            checks.add(new ActiveCheckResult(c.name(), c.verdict().name(), c.seen(), c.url()));
            findings.add(Finding.builder("probe", "exhunt.probe.active." + (c.name().startsWith(Rows.PROXYLOGON) ? "proxylogon-ssrf" : "proxyshell-ssrf"))
                    .title(c.name() + ": " + c.verdict()).severity(c.verdict() == ActiveCheck.Result.REACHABLE ? Severity.HIGH : Severity.INFORMATIONAL)
                    .stage(Stage.CONTEXT)
                    .source(SourceRef.file(c.url())).evidence("result", c.verdict().name()).evidence("seen", c.seen()).time(now).build());
        }
        ProbeFacts seen = new ProbeFacts(status.name(), o.redirect(), o.title(), o.server(), o.requests(), certificate,
                o.leaked(), checks);
        return new ServerResult(server, List.of(o.target().base()), verdicts, findings, problems,
                new ServerFacts(build, null, seen));
    }

    /**
     * A reachable primitive makes the row VULNERABLE whatever the build says; an aborted ProxyLogon SSRF on a
     * build vulnerable to it makes the row MITIGATED; anything else is added to the reason.
     */
    static RowExposure applyActive(RowExposure row, List<ActiveCheck> checks) {
        String chain = row.row();
        ActiveCheck c = checks.stream().filter(x -> x.name().startsWith(chain + " ")).findFirst().orElse(null);
        if (c == null) return row;
        String seen = "active check: " + c.seen();
        return switch (c.verdict()) {
            case REACHABLE -> row.with(Exposure.VULNERABLE, c.name() + " works (" + c.seen() + "); " + row.reason());
            case ABORTED -> chain.equals(Rows.PROXYLOGON) && row.exposure() == Exposure.VULNERABLE
                    ? row.with(Exposure.MITIGATED, "vulnerable build, " + c.seen() + ": an EOMT rewrite rule (" + row.reason() + ")")
                    : row.with(row.exposure(), row.reason() + "; " + seen);
            case NOT_REACHABLE, INCONCLUSIVE -> row.with(row.exposure(), row.reason() + "; " + seen);
        };
    }

    /** The certificate as a fact and as a finding; null when there was none. */
    private static Certificate tls(TlsFacts t, Instant now, SourceRef where, List<Finding> findings) {
        if (t == null) return null;
        boolean expired = t.expiredAt(now);
        Finding.Builder f = Finding.builder("probe", "exhunt.probe.certificate").title("TLS certificate " + t.subject())
                .severity(Severity.INFORMATIONAL).stage(Stage.CONTEXT).source(where).evidence("subject", t.subject()).evidence("issuer", t.issuer())
                .evidence("not_before", t.notBefore().toString()).evidence("not_after", t.notAfter().toString())
                .evidence("self_signed", Boolean.toString(t.selfSigned())).evidence("expired", Boolean.toString(expired))
                .evidence("protocol", t.protocol()).time(now);
        for (String name : t.names()) f.evidence("name", name);
        findings.add(f.build());
        return new Certificate(t.subject(), t.issuer(), t.notBefore(), t.notAfter(), t.names(), t.selfSigned(), expired,
                t.protocol());
    }

    /** A server's text cut to a length a verdict's reason can carry. */
    private static String shortened(String text) {
        return text.length() <= TEXT_SHOWN ? text : text.substring(0, TEXT_SHOWN) + "… (" + text.length() + " chars)";
    }

    private static String what(ProbeOutcome o) {
        List<String> seen = new ArrayList<>();
        if (!o.title().isEmpty()) seen.add("title '" + o.title() + "'");
        if (!o.server().isEmpty()) seen.add("Server: " + o.server());
        return seen.isEmpty() ? "no OWA page, title or version" : String.join(", ", seen);
    }

    private static String describe(TargetStatus status) {
        return switch (status) {
            case NO_ANSWER -> "no answer";
            case TLS_FAILURE -> "TLS failure";
            case GARBAGE -> "not HTTP";
            default -> status.name();
        };
    }
}
