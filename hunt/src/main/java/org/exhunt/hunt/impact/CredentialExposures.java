package org.exhunt.hunt.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.exhunt.core.Finding;
import org.exhunt.core.facts.Confidence;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.hunt.verdict.LsassDumps;

/**
 * The credentials the attackers could have taken. An LSASS memory dump (a post-exploitation finding of ATT&amp;CK's
 * LSASS-memory technique, one per dump: {@link LsassDumps}) exposes every account whose secrets LSASS held: the
 * server's computer account, and each account that logged on before the dump in a way that leaves them there (every
 * logon type but network; explicit credentials, 4648), as far back as the Security log reaches. The accounts the
 * attackers' own requests authenticated as come from {@link MailboxReads}.
 */
final class CredentialExposures {

    static final String LOGGED_ON = "logged-on-before-dump";
    static final String COMPUTER_ACCOUNT = "computer-account";

    /** A dump: what names it, and when it was made (its earliest trace in the logs, else its file's time). */
    record Dump(String name, Instant time) {}

    private CredentialExposures() {}

    static List<Dump> dumps(Intrusion intrusion) {
        List<Dump> out = new ArrayList<>();
        for (Finding f : intrusion.postExploitation()) {
            if (f.tags().stream().noneMatch(LsassDumps.TECHNIQUE::equalsIgnoreCase)) continue;
            List<Finding> traces = Stream.concat(Stream.of(f), f.linked().stream()).toList();
            Instant time = traces.stream().filter(Intrusion::fromLog).map(Finding::time).filter(Objects::nonNull)
                    .min(Instant::compareTo).orElse(f.time());
            out.add(new Dump(name(f), time));
        }
        out.sort(Comparator.comparing(Dump::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** The dump's file as its findings name it, else its trace's title. */
    private static String name(Finding f) {
        for (String e : new String[] {"path", "dump_file", "TargetFilename", "ObjectName"}) {
            if (f.evidence(e) != null) return f.evidence(e);
        }
        return f.title();
    }

    /**
     * @param used the accounts the attackers' requests authenticated as
     * @return the computer account first, then the accounts used by the attackers, then those that logged on before
     *         the last dump (privileged first, then by first logon)
     */
    static List<CredentialExposure> of(List<Dump> dumps, WindowsEvents windows, List<CredentialExposure> used) {
        List<CredentialExposure> out = new ArrayList<>();
        Dump last = dumps.isEmpty() ? null : dumps.get(dumps.size() - 1);
        if (last != null) {
            String account = windows.computerAccount() != null ? windows.computerAccount()
                    : windows.host() != null ? windows.host() + "$" : "the server's computer account";
            out.add(new CredentialExposure(account, COMPUTER_ACCOUNT, null, null, 0, List.of(), false, last.name(), List.of(),
                    Confidence.SHOWN, "LSASS holds the computer account's secrets while the server runs; it was dumped ("
                            + last.name() + (last.time() == null ? "" : ", " + last.time()) + ")"));
        }
        out.addAll(used);
        if (last != null) {
            List<CredentialExposure> logons = new ArrayList<>();
            for (WindowsEvents.Logons l : windows.logons()) {
                if (last.time() != null && l.first().isAfter(last.time())) continue;
                if (used.stream().anyMatch(u -> u.account().equalsIgnoreCase(l.account()))) continue;
                List<String> records = new ArrayList<>(List.of(l.firstSource().toString()));
                if (!l.lastSource().equals(l.firstSource())) records.add(l.lastSource().toString());
                logons.add(new CredentialExposure(l.account(), LOGGED_ON, l.first(), l.last(), l.count(), List.copyOf(l.types()),
                        windows.privileged(l.account()), last.name(), records, Confidence.LIKELY,
                        "logged on to the server (" + String.join(", ", l.types()) + ") from " + l.first()
                                + ", before LSASS was dumped" + (last.time() == null ? "" : " at " + last.time())
                                + ": such logons leave the account's secrets in LSASS until it logs off"));
            }
            logons.sort(Comparator.comparing((CredentialExposure c) -> !c.privileged()).thenComparing(CredentialExposure::first)
                    .thenComparing(CredentialExposure::account));
            out.addAll(logons);
        }
        return out;
    }
}
