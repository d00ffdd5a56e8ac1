package org.exhunt.hunt.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exhunt.core.Finding;
import org.exhunt.core.Verdict;

/**
 * The verdicts of one server: post-exploitation findings are first linked to chains
 * ({@link ShellLinker}), then each row is decided ({@link ChainVerdict}), then the Post-exploitation row
 * takes what no chain explains. The single entry point is {@link #decide}.
 */
public final class Verdicts {

    /** The verdicts, and the findings with the chains they were linked to. */
    public record Outcome(List<Verdict> verdicts, List<Finding> findings) {}

    private Verdicts() {}

    /**
     * @param rows        one per chain or CVE row, in report order
     * @param findings    every finding of the server
     * @param requests    requests seen in web logs, for the same-client linking rule
     * @param filesLooked files examined in the web-shell locations
     * @param sawServer   whether the evidence looked like a server at all
     */
    public static Outcome decide(String server, List<RowAssessment> rows, List<Finding> findings,
                                 WebRequests requests, int filesLooked, boolean sawServer) {
        List<Finding> byTime = new ArrayList<>(findings);
        byTime.sort(Comparator.comparing(Finding::time, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Finding> chainFindings = byTime.stream()
                .filter(f -> f.chain() != null && (Stage.of(f) == Stage.ATTEMPT || Stage.of(f) == Stage.SUCCESS))
                .toList();
        List<Finding> postExploitation = byTime.stream().filter(f -> Stage.of(f) == Stage.POST_EXPLOITATION).toList();
        List<ShellLinker.Link> links = ShellLinker.link(postExploitation, chainFindings, requests);

        List<Verdict> verdicts = new ArrayList<>();
        for (RowAssessment row : rows) {
            String name = row.profile().row();
            verdicts.add(ChainVerdict.decide(server, row,
                    chainFindings.stream().filter(f -> name.equals(f.chain())).toList(),
                    links.stream().filter(l -> name.equals(l.chain())).toList()));
        }
        List<Finding> unlinked = links.stream().filter(l -> l.chain() == null).map(ShellLinker.Link::finding).toList();
        verdicts.add(PostExploitationVerdict.decide(server, unlinked, filesLooked, sawServer));

        return new Outcome(verdicts, attributed(byTime, links));
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
