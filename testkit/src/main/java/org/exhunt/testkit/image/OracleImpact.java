package org.exhunt.testkit.image;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.exhunt.core.Rows;

/**
 * The impact a correct scan states, from the scenario alone: what its steps say they touched ({@link Touched}), kept
 * when a log that shows it holds the step, by ARCHITECTURE.md's rules, never with exhunt's code.
 *
 * <ul>
 *   <li>No impact without an intrusion (a row ATTEMPTED or COMPROMISED); none checked when that is left open.</li>
 *   <li>Reads, and credentials the attackers' requests used, whenever they are shown. Exports, account changes and ways
 *       back in from the first exploit on (the earliest attempt, success or post-exploitation trace).</li>
 *   <li>An LSASS dump (a dump file left behind, or a step that dumps it) exposes the computer account and every account
 *       that logged on before it other than over the network (type 3); without a dump in the logs, before now.</li>
 *   <li>Mail sent out from a mailbox read or exported, from the first exploit to a day after the last evidence.</li>
 *   <li>The scope: when a row that runs code on the server (every row but ProxyToken) is COMPROMISED, from its first
 *       success or post-exploitation trace.</li>
 * </ul>
 */
final class OracleImpact {

    static final String COMPUTER_ACCOUNT = "computer-account";
    static final String LOGGED_ON = "logged-on-before-dump";
    static final String USED = "used-by-attacker";
    private static final String COMPROMISED = Oracle.COMPROMISED;
    private static final String ATTEMPTED = Oracle.ATTEMPTED;

    private OracleImpact() {}

    static ExpectedImpact of(Scenario s, List<ExpectedScan.Row> rows) {
        boolean definite = rows.stream().anyMatch(r -> r.compromise().equals(List.of(COMPROMISED))
                || r.compromise().equals(List.of(ATTEMPTED)));
        boolean possible = rows.stream().anyMatch(r -> r.compromise().contains(COMPROMISED) || r.compromise().contains(ATTEMPTED));
        if (!possible) return ExpectedImpact.NONE;
        if (!definite) return null;
        List<Instant> evidence = evidenceTimes(s, true);
        Instant start = evidence.isEmpty() ? null : evidence.get(0);
        Instant last = evidence.isEmpty() ? null : evidence.get(evidence.size() - 1);

        Set<ExpectedImpact.Read> reads = new LinkedHashSet<>();
        Set<ExpectedImpact.Export> exports = new LinkedHashSet<>();
        Set<ExpectedImpact.Credential> used = new LinkedHashSet<>();
        Set<ExpectedImpact.Account> accounts = new LinkedHashSet<>();
        Set<ExpectedImpact.Persistence> persistence = new LinkedHashSet<>();
        List<Touched.Logon> logons = new ArrayList<>();
        List<Instant> logonTimes = new ArrayList<>();
        List<Touched.MailSentOut> mail = new ArrayList<>();
        List<Instant> mailTimes = new ArrayList<>();
        Instant dumped = null;
        for (Step step : s.steps()) {
            boolean since = start == null || !step.at().isBefore(start);
            for (Touched t : step.touched()) {
                if (t.shownIn().stream().noneMatch(k -> s.logged(k, step.at()))) continue;
                if (t instanceof Touched.MailboxRead r) {
                    reads.add(new ExpectedImpact.Read(r.mailbox(), r.protocol()));
                } else if (t instanceof Touched.MailboxExported e) {
                    if (since) exports.add(new ExpectedImpact.Export(e.mailbox(), e.file(), onDisk(s, e.file()), step.at()));
                } else if (t instanceof Touched.CredentialsUsed c) {
                    used.add(new ExpectedImpact.Credential(c.account(), USED));
                } else if (t instanceof Touched.LsassDumped) {
                    dumped = dumped == null || step.at().isBefore(dumped) ? step.at() : dumped;
                } else if (t instanceof Touched.Logon l) {
                    logons.add(l);
                    logonTimes.add(step.at());
                } else if (t instanceof Touched.AccountChanged a) {
                    if (since) accounts.add(new ExpectedImpact.Account(a.kind(), a.account(), a.group()));
                } else if (t instanceof Touched.PersistenceAdded p) {
                    if (since) persistence.add(new ExpectedImpact.Persistence(p.kind(), p.name()));
                } else if (t instanceof Touched.MailSentOut m) {
                    mail.add(m);
                    mailTimes.add(step.at());
                }
            }
        }
        boolean dump = dumped != null || s.files().stream().anyMatch(f -> f.drivePath().toLowerCase(Locale.ROOT).endsWith(".dmp")
                && f.expect().required() && f.expect().stage() == Stage.POST_EXPLOITATION);
        List<ExpectedImpact.Credential> credentials = new ArrayList<>();
        if (dump) credentials.add(new ExpectedImpact.Credential(Attacks.HOST + "$", COMPUTER_ACCOUNT));
        credentials.addAll(used);
        for (int i = 0; i < logons.size(); i++) {
            Touched.Logon l = logons.get(i);
            boolean before = dumped == null || !logonTimes.get(i).isAfter(dumped);
            boolean listed = used.stream().anyMatch(u -> u.account().equalsIgnoreCase(l.account()))
                    || credentials.stream().anyMatch(c -> c.account().equalsIgnoreCase(l.account()));
            if (dump && before && l.logonType() != 3 && !listed) credentials.add(new ExpectedImpact.Credential(l.account(), LOGGED_ON));
        }
        Set<String> reached = new LinkedHashSet<>();
        reads.forEach(r -> reached.add(r.mailbox().toLowerCase(Locale.ROOT)));
        exports.forEach(e -> reached.add(e.mailbox().toLowerCase(Locale.ROOT)));
        List<ExpectedImpact.Sent> sent = new ArrayList<>();
        for (int i = 0; i < mail.size(); i++) {
            Instant at = mailTimes.get(i);
            boolean during = (start == null || !at.isBefore(start)) && (last == null || !at.isAfter(last.plus(Duration.ofDays(1))));
            if (during && reached.contains(mail.get(i).sender().toLowerCase(Locale.ROOT))) {
                sent.add(new ExpectedImpact.Sent(mail.get(i).sender(), mail.get(i).recipient()));
            }
        }
        return new ExpectedImpact(List.copyOf(exports), List.copyOf(reads), sent, credentials, List.copyOf(accounts),
                List.copyOf(persistence), scope(s, rows));
    }

    /** The times of the visible traces the rows count (attempts and successes of a chain, post-exploitation), sorted. */
    private static List<Instant> evidenceTimes(Scenario s, boolean requiredOnly) {
        return Oracle.visibleTraces(s).stream()
                .filter(t -> !requiredOnly || t.expect().required())
                .filter(t -> counts(t.expect()))
                .map(Layout::recordTime).sorted().toList();
    }

    private static boolean counts(Expect e) {
        return e.stage() == Stage.POST_EXPLOITATION
                || (e.chain() != null && (e.stage() == Stage.ATTEMPT || e.stage() == Stage.SUCCESS));
    }

    private static boolean onDisk(Scenario s, String windowsPath) {
        return s.files().stream().anyMatch(f -> f.windowsPath().equalsIgnoreCase(windowsPath));
    }

    /**
     * Stated when a row that runs code on the server is COMPROMISED for sure (open when only possibly), its time
     * between the earliest visible success or post-exploitation trace of those rows and the earliest required one.
     */
    private static ExpectedImpact.Scope scope(Scenario s, List<ExpectedScan.Row> rows) {
        List<String> sure = rows.stream().filter(r -> r.compromise().equals(List.of(COMPROMISED)))
                .map(ExpectedScan.Row::row).filter(r -> !r.equals(Rows.CVE_2021_33766)).toList();
        boolean maybe = rows.stream().anyMatch(r -> r.compromise().contains(COMPROMISED) && !r.row().equals(Rows.CVE_2021_33766));
        if (sure.isEmpty()) return new ExpectedImpact.Scope(maybe ? null : false, null, null);
        List<Trace> shown = Oracle.visibleTraces(s).stream().filter(t -> {
            Expect e = t.expect();
            String row = e.chain() != null ? e.chain() : Rows.POST_EXPLOITATION;
            return (e.stage() == Stage.SUCCESS || e.stage() == Stage.POST_EXPLOITATION) && sure.contains(row);
        }).toList();
        Instant earliest = shown.stream().map(Layout::recordTime).min(Comparator.naturalOrder()).orElse(null);
        Instant latest = shown.stream().filter(t -> t.expect().required()).map(Layout::recordTime)
                .min(Comparator.naturalOrder()).orElse(null);
        return new ExpectedImpact.Scope(true, earliest, latest == null ? earliest : latest);
    }
}
