package org.exhunt.hunt.impact;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.ScopeStatement;

/**
 * The conservative scope: a compromised row whose exploit runs code on the server (every row but ProxyToken, which
 * only reaches a mailbox's settings through ECP), or post-exploitation no chain explains (a web shell, a command run
 * as SYSTEM), puts every mailbox the server hosts within the attackers' reach from its first success or
 * post-exploitation evidence. The evidence rarely lists those mailboxes: the statement says how to list them.
 */
final class ConservativeScope {

    /** Compromised rows that give no code execution on the server. */
    static final Set<String> WITHOUT_CODE_EXECUTION = Set.of(Rows.CVE_2021_33766);

    private ConservativeScope() {}

    static ScopeStatement of(Intrusion intrusion, String host) {
        List<String> rows = intrusion.compromised().stream().filter(r -> !WITHOUT_CODE_EXECUTION.contains(r)).toList();
        if (rows.isEmpty()) return null;
        List<Finding> shown = intrusion.evidence().stream()
                .filter(f -> (f.stage() == Stage.SUCCESS || f.stage() == Stage.POST_EXPLOITATION)
                        && rows.contains(Intrusion.row(f)) && f.time() != null)
                .toList();
        Finding first = shown.stream().filter(Intrusion::fromLog).min(java.util.Comparator.comparing(Finding::time))
                .orElse(shown.stream().min(java.util.Comparator.comparing(Finding::time)).orElse(null));
        String fromWhy = first == null ? "no evidence of it has a time"
                : (first.chain() == null ? Intrusion.row(first) : first.chain() + " " + first.stage().label()) + ": " + first.title()
                        + (Intrusion.fromLog(first) ? "" : " (the file's modification time: it was there by then at the latest)");
        String listWith = "Get-Mailbox -Server " + Objects.requireNonNullElse(host, "<server>") + " -ResultSize Unlimited";
        return new ScopeStatement(first == null ? null : first.time(), fromWhy, rows, host, listWith);
    }
}
