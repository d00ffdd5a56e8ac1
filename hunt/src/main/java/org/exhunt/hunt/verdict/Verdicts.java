package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;

/**
 * The verdicts of one server: post-exploitation findings are first linked to chains
 * ({@link ShellLinker}), then each row is decided ({@link ChainVerdict}), then the Post-exploitation row
 * takes what no chain explains; last, the requests to each file left behind become a finding of the file's row
 * ({@link RequestedFiles}). The single entry point is {@link #decide}.
 *
 * <p>Context findings tagged {@link #ESCALATES_WITH_CHAIN_EVIDENCE} (archives staged in ProgramData) become
 * post-exploitation when a chain of the same server shows exploitation (an attempt, a success or a file linked to
 * it), as Test-ProxyLogon reports such archives only when a CVE check hit (its fix for CSS-Exchange #311).
 */
public final class Verdicts {

    /** The tag of context findings that count as post-exploitation once a chain of the server shows exploitation. */
    public static final String ESCALATES_WITH_CHAIN_EVIDENCE = "exhunt.escalates-with-chain-evidence";

    /** The verdicts, and the findings with the chains they were linked to. */
    public record Outcome(List<Verdict> verdicts, List<Finding> findings) {}

    /** Time first; ties (files examined in parallel) broken by place and rule, so that reports are stable. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator
            .comparing(Finding::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(f -> f.source().file())
            .thenComparingLong(f -> f.source().line())
            .thenComparingLong(f -> f.source().offset())
            .thenComparing(f -> String.valueOf(f.source().recordId()))
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.evidence().toString());   // two findings equal so far are told apart by what they saw

    private Verdicts() {}

    /**
     * @param rows           one per chain or CVE row, in report order
     * @param findings       every finding of the server
     * @param requests       requests seen in web logs, for the same-client linking rule and the requested-file findings
     * @param webFolderFiles files of the folders IIS serves that were examined
     */
    public static Outcome decide(String server, List<RowAssessment> rows, List<Finding> findings,
                                 WebRequests requests, long webFolderFiles) {
        List<Finding> byTime = new ArrayList<>(LsassDumps.merge(TwinEvents.merge(findings)));
        byTime.sort(REPORT_ORDER);
        List<Finding> chainFindings = byTime.stream()
                .filter(f -> f.chain() != null && (f.stage() == Stage.ATTEMPT || f.stage() == Stage.SUCCESS))
                .toList();
        // every chain a link can give is a chain finding's or a chain-specific post-exploitation finding's own, so
        // what was exploited is known before linking, and linking runs once, after the escalation
        TreeSet<String> exploited = new TreeSet<>();
        chainFindings.forEach(f -> exploited.add(f.chain()));
        postExploitation(byTime).stream().map(Finding::chain).filter(Objects::nonNull).forEach(exploited::add);
        if (!exploited.isEmpty() && byTime.stream().anyMatch(Verdicts::escalates)) {
            String why = "exploitation evidence on this server: " + String.join(", ", exploited);
            byTime = byTime.stream().map(f -> escalates(f) ? escalated(f, why) : f).toList();
        }
        List<ShellLinker.Link> links = ShellLinker.link(postExploitation(byTime), chainFindings, requests);

        List<Verdict> verdicts = new ArrayList<>();
        for (RowAssessment row : rows) {
            String name = row.profile().row();
            verdicts.add(ChainVerdict.decide(server, row,
                    chainFindings.stream().filter(f -> name.equals(f.chain())).toList(),
                    links.stream().filter(l -> name.equals(l.chain())).toList()));
        }
        List<Finding> unlinked = links.stream().filter(l -> l.chain() == null).map(ShellLinker.Link::finding).toList();
        verdicts.add(PostExploitationVerdict.decide(server, unlinked, webFolderFiles));

        // the requests to each file left behind are restated as a finding of the file's row only now, after the
        // verdicts: they tell when the file was used, which changes nothing the file does not already decide
        List<Finding> reported = new ArrayList<>(attributed(byTime, links));
        reported.addAll(RequestedFiles.of(reported, requests));
        reported.sort(REPORT_ORDER);
        return new Outcome(verdicts, reported);
    }

    /**
     * The rows whose exposure window holds {@code time} in a stretch where the server was possibly exposed to them: what
     * was open on the server then (for a trace that matters only when a chain was).
     */
    public static List<String> exposedAt(List<RowAssessment> rows, Instant time) {
        return rows.stream().filter(r -> r.window() != null && r.window().exposedAt(time)).map(r -> r.profile().row()).toList();
    }

    private static List<Finding> postExploitation(List<Finding> findings) {
        return findings.stream().filter(f -> f.stage() == Stage.POST_EXPLOITATION).toList();
    }

    private static boolean escalates(Finding f) {
        return f.stage() == Stage.CONTEXT && f.tags().contains(ESCALATES_WITH_CHAIN_EVIDENCE);
    }

    /** A context finding restated as post-exploitation, saying why. */
    private static Finding escalated(Finding f, String why) {
        Severity severity = f.severity().compareTo(Severity.HIGH) < 0 ? Severity.HIGH : f.severity();
        return Finding.builder(f).severity(severity).stage(Stage.POST_EXPLOITATION).evidence("escalated_because", why).build();
    }

    /** The findings with each linked post-exploitation finding carrying its chain and the reason as evidence. */
    private static List<Finding> attributed(List<Finding> findings, List<ShellLinker.Link> links) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            ShellLinker.Link link = links.stream().filter(l -> l.finding() == f && l.chain() != null && f.chain() == null)
                    .findFirst().orElse(null);
            out.add(link == null ? f : Finding.builder(f).chain(link.chain()).evidence("linked_because", link.why()).build());
        }
        return out;
    }
}
