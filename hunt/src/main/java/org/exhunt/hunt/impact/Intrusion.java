package org.exhunt.hunt.impact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.exhunt.core.Compromise;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.FileUse;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.hunt.verdict.ShellLinker;

/**
 * What the verdicts say of an intrusion, as the impact step reads it: the evidence the rows counted (a chain's
 * attempts and successes, post-exploitation), when it starts and ends, the attackers' addresses (those that used an
 * exploit, and those that requested a file left behind), the rows compromised, and the records that are themselves
 * evidence of a chain.
 */
final class Intrusion {

    /** How an address took part: it used an exploit with success, only attempted it, or used a file left behind. */
    record Attacker(String address, boolean succeeded, boolean usedShell, Instant first) {

        /** What the address did, in words for an item's why. */
        String role() {
            String exploit = succeeded ? "used an exploit with success" : "sent exploit requests";
            return usedShell ? exploit + " and a web shell" : exploit;
        }
    }

    private final List<Finding> evidence;
    private final Map<String, Attacker> attackers;
    private final Set<String> chainRecords;
    private final List<Verdict> verdicts;
    private final Instant first;
    private final Instant last;

    private Intrusion(List<Finding> evidence, Map<String, Attacker> attackers, Set<String> chainRecords,
                      List<Verdict> verdicts) {
        this.evidence = evidence;
        this.attackers = attackers;
        this.chainRecords = chainRecords;
        this.verdicts = verdicts;
        List<Instant> times = evidence.stream().filter(Intrusion::fromLog).map(Finding::time).filter(Objects::nonNull)
                .sorted().toList();
        if (times.isEmpty()) times = evidence.stream().map(Finding::time).filter(Objects::nonNull).sorted().toList();
        first = times.isEmpty() ? null : times.get(0);
        last = times.isEmpty() ? null : times.get(times.size() - 1);
    }

    /** The intrusion the findings show, or null when they show none (no row counts an attempt, a success or a file). */
    static Intrusion of(List<Finding> findings, List<Verdict> verdicts, List<RowTimeline> timelines) {
        List<Finding> evidence = findings.stream().filter(Intrusion::counts).toList();
        if (evidence.isEmpty()) return null;
        Map<String, Attacker> attackers = new TreeMap<>();
        Set<String> chainRecords = new HashSet<>();
        for (Finding f : evidence) {
            if (f.chain() != null) {
                chainRecords.add(f.source().toString());
                f.linked().forEach(l -> chainRecords.add(l.source().toString()));
            }
            String ip = Text.address(ShellLinker.clientIp(f));
            if (ip == null || f.time() == null) continue;
            boolean exploit = f.stage() == Stage.ATTEMPT || f.stage() == Stage.SUCCESS;
            attackers.merge(ip, new Attacker(ip, f.stage() == Stage.SUCCESS, !exploit, f.time()), Intrusion::merge);
        }
        for (RowTimeline t : timelines) {
            for (FileUse use : t.files()) {
                for (String client : use.clients()) {
                    String ip = Text.address(client);
                    if (ip != null && use.firstRequest() != null) {
                        attackers.merge(ip, new Attacker(ip, false, true, use.firstRequest()), Intrusion::merge);
                    }
                }
            }
        }
        return new Intrusion(evidence, attackers, chainRecords, verdicts);
    }

    private static Attacker merge(Attacker a, Attacker b) {
        return new Attacker(a.address(), a.succeeded() || b.succeeded(), a.usedShell() || b.usedShell(),
                a.first().isBefore(b.first()) ? a.first() : b.first());
    }

    /** Whether the verdicts count a finding: an attempt or success of a chain, or post-exploitation. */
    private static boolean counts(Finding f) {
        return f.stage() == Stage.POST_EXPLOITATION
                || (f.chain() != null && (f.stage() == Stage.ATTEMPT || f.stage() == Stage.SUCCESS));
    }

    /** Whether a finding was read from a log record (its time is the event's), not from a file (its time is the file's). */
    static boolean fromLog(Finding f) {
        return f.source().hasLine() || f.source().recordId() != null;
    }

    List<Finding> evidence() { return evidence; }

    /** The time of the first evidence, from the logs when they show any: the first exploit. */
    Instant first() { return first; }

    /** The time of the last evidence. */
    Instant last() { return last; }

    /** Whether a time lies in the intrusion or after it began (a time unknown is taken as inside). */
    boolean since(Instant t) {
        return first == null || t == null || !t.isBefore(first);
    }

    /** The attackers' addresses. */
    Set<String> addresses() {
        return attackers.keySet();
    }

    Attacker attacker(String address) {
        return attackers.get(address);
    }

    /** Whether a record (by its {@link org.exhunt.core.SourceRef} text) is itself evidence of a chain. */
    boolean chainRecord(String source) {
        return chainRecords.contains(source);
    }

    /** The rows compromised, in row order. */
    List<String> compromised() {
        return verdicts.stream().filter(v -> v.compromise() == Compromise.COMPROMISED).map(Verdict::row).toList();
    }

    /**
     * The addresses that used an exploit with success in the {@code window} before {@code t}, sorted: whose session a
     * cmdlet run at {@code t} may have come through.
     */
    List<String> succeededBefore(Instant t, Duration window) {
        TreeSet<String> out = new TreeSet<>();
        for (Finding f : evidence) {
            String ip = Text.address(ShellLinker.clientIp(f));
            if (ip != null && f.stage() == Stage.SUCCESS && f.time() != null && !f.time().isAfter(t)
                    && Duration.between(f.time(), t).compareTo(window) <= 0) {
                out.add(ip);
            }
        }
        return List.copyOf(out);
    }

    /** The post-exploitation findings, earliest first. */
    List<Finding> postExploitation() {
        List<Finding> out = new ArrayList<>(evidence.stream().filter(f -> f.stage() == Stage.POST_EXPLOITATION).toList());
        out.sort(Comparator.comparing(Finding::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** The row a counted finding is counted for. */
    static String row(Finding f) {
        return f.chain() != null ? f.chain() : Rows.POST_EXPLOITATION;
    }
}
