package org.exhunt.hunt.response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.IsoTime;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.AccountChange;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.CredentialExposure;
import org.exhunt.core.facts.FileUse;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.MailSent;
import org.exhunt.core.facts.Persistence;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.UpdateStep;
import org.exhunt.hunt.verdict.LsassDumps;
import org.exhunt.hunt.verdict.ShellLinker;

/**
 * A server's verdicts, build and impact as the response steps read them: whether each condition holds
 * ({@link Condition#NAMES}), the subjects a step names, and those in words.
 */
final class ServerState {

    private final String server;
    private final List<Verdict> verdicts;
    private final BuildFacts build;
    private final Impact impact;
    private final List<String> files = new ArrayList<>();
    private final List<String> dumps = new ArrayList<>();
    private final TreeSet<String> addresses = new TreeSet<>();

    ServerState(String server, List<Verdict> verdicts, BuildFacts build, Impact impact, List<RowTimeline> timelines) {
        this.server = server;
        this.verdicts = verdicts;
        this.build = build;
        this.impact = impact;
        Map<String, String> byKey = new LinkedHashMap<>();
        for (RowTimeline t : timelines) {
            addresses.addAll(t.exploitClients());
            for (FileUse f : t.files()) {
                byKey.putIfAbsent(ShellLinker.PathKey.of(f.path()), f.path());
                addresses.addAll(f.clients());
            }
        }
        for (CredentialExposure c : impact.credentials()) {
            if (c.dump() != null && LsassDumps.isDump(c.dump())) byKey.putIfAbsent(ShellLinker.PathKey.of(c.dump()), c.dump());
        }
        byKey.values().forEach(p -> (LsassDumps.isDump(p) ? dumps : files).add(p));
    }

    boolean holds(String name, String argument) {
        return switch (name) {
            case "compromised" -> !rows(v -> v.compromise() == Compromise.COMPROMISED).isEmpty();
            case "attempted" -> !rows(v -> v.compromise() == Compromise.ATTEMPTED).isEmpty();
            case "cannot-tell" -> !rows(v -> v.compromise() == Compromise.CANNOT_TELL).isEmpty();
            case "vulnerable" -> !vulnerable(argument).isEmpty();
            case "unknown-build" -> build == null || build.chosen() == null || build.updatePath() == null
                    || !rows(v -> v.exposure() == Exposure.UNKNOWN).isEmpty();
            case "update" -> !subjects("builds").isEmpty();
            case "files", "dumps", "persistence", "mailboxes", "sent" -> !subjects(name).isEmpty();
            case "credentials" -> !impact.credentials().isEmpty();
            case "scope" -> impact.scope() != null;
            default -> throw new IllegalArgumentException("no condition " + name);
        };
    }

    /** Why a condition holds, in words, for the step's why. */
    String describe(Condition.Atom a) {
        return switch (a.name()) {
            case "compromised" -> "COMPROMISED: " + String.join(", ", rows(v -> v.compromise() == Compromise.COMPROMISED));
            case "attempted" -> "ATTEMPTED: " + String.join(", ", rows(v -> v.compromise() == Compromise.ATTEMPTED));
            case "cannot-tell" -> "CANNOT_TELL: " + String.join(", ", rows(v -> v.compromise() == Compromise.CANNOT_TELL));
            case "vulnerable" -> "VULNERABLE: " + String.join(", ", vulnerable(a.argument()));
            case "unknown-build" -> "the build is not known";
            case "update" -> "the build " + build.chosen().build() + " is not the latest the knowledge base knows";
            case "files" -> count(files.size(), "file", "files") + " left behind";
            case "dumps" -> count(dumps.size(), "LSASS dump", "LSASS dumps");
            case "credentials" -> count(impact.credentials().size(), "account", "accounts") + " whose credentials are exposed";
            case "persistence" -> count(impact.accounts().size(), "account change", "account changes") + " and "
                    + count(impact.persistence().size(), "task or service", "tasks or services") + " since the first exploit";
            case "mailboxes" -> count(impact.mailboxes().size(), "mailbox", "mailboxes") + " read or exported by the attackers";
            case "scope" -> "code ran on the server (" + String.join(", ", impact.scope().rows()) + ")";
            case "sent" -> count(impact.sent().size(), "message", "messages")
                    + " sent out from affected mailboxes while the attackers were active";
            case "otherwise" -> "patched, and no sign of attack";
            default -> a.name();
        };
    }

    /** What a subject specification names, in order. */
    List<String> subjects(String spec) {
        if (spec.startsWith("vulnerable:")) return vulnerable(spec.substring("vulnerable:".length()));
        return switch (spec) {
            case "files" -> files;
            case "dumps" -> dumps;
            case "accounts" -> impact.credentials().stream().map(CredentialExposure::account).distinct().toList();
            case "builds" -> build == null || build.updatePath() == null || build.updatePath().upToDate() ? List.of()
                    : build.updatePath().steps().stream().map(UpdateStep::build).toList();
            case "mailboxes" -> impact.mailboxes();
            case "addresses" -> List.copyOf(addresses);
            case "persistence" -> {
                List<String> out = new ArrayList<>();
                impact.accounts().stream().map(AccountChange::account).filter(n -> !out.contains(n)).forEach(out::add);
                impact.persistence().stream().map(Persistence::name).filter(n -> !out.contains(n)).forEach(out::add);
                yield out;
            }
            case "sent" -> impact.sent().stream().map(MailSent::sender).distinct().toList();
            case "cannot-tell" -> rows(v -> v.compromise() == Compromise.CANNOT_TELL);
            default -> throw new IllegalArgumentException("no subjects " + spec);
        };
    }

    /** What {@link org.exhunt.core.facts.Action#subjectKind()} calls a subject specification's subjects. */
    static String kind(String spec) {
        if (spec.startsWith("vulnerable:") || spec.equals("cannot-tell")) return "rows";
        return switch (spec) {
            case "files", "dumps" -> "files";
            case "sent" -> "mailboxes";
            default -> spec;
        };
    }

    /** The subjects in the words of a step's text: builds by name, persistence by what happened. */
    String words(String spec, List<String> subjects) {
        List<String> out = new ArrayList<>();
        switch (spec) {
            case "builds" -> build.updatePath().steps().forEach(s -> out.add(s.update() + " (" + s.build()
                    + (s.kb().isEmpty() ? "" : ", " + s.kb()) + ")"));
            case "persistence" -> {
                for (String name : subjects) {
                    List<String> what = new ArrayList<>();
                    impact.accounts().stream().filter(c -> c.account().equals(name))
                            .forEach(c -> what.add(c.kind().replace('-', ' ') + (c.group() == null ? "" : " " + c.group())));
                    String kind = impact.persistence().stream().filter(p -> p.name().equals(name)).map(p -> p.kind().replace('-', ' '))
                            .findFirst().orElse("account");
                    out.add(kind + " " + name + (what.isEmpty() ? "" : " (" + String.join("; ", what) + ")"));
                }
            }
            default -> out.addAll(subjects);
        }
        return spec.equals("builds") ? String.join(", then ", out) : join(out);
    }

    private static String count(int n, String one, String more) {
        return n + " " + (n == 1 ? one : more);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String join(List<String> items) {
        if (items.size() <= 1) return String.join("", items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    String server() {
        return server;
    }

    /** When every mailbox became reachable, or words saying it is not known. */
    String since() {
        return impact.scope() == null || impact.scope().from() == null ? "a time the evidence does not give"
                : IsoTime.format(impact.scope().from());
    }

    String listWith() {
        return impact.scope() == null ? "Get-Mailbox -Server <server> -ResultSize Unlimited" : impact.scope().listWith();
    }

    private List<String> vulnerable(String among) {
        List<String> rows = among == null ? null : Arrays.stream(among.split("/")).map(r -> r.strip().toLowerCase(Locale.ROOT)).toList();
        return rows(v -> v.exposure() == Exposure.VULNERABLE && (rows == null || rows.contains(v.row().toLowerCase(Locale.ROOT))));
    }

    private List<String> rows(java.util.function.Predicate<Verdict> which) {
        return verdicts.stream().filter(which).map(Verdict::row).toList();
    }
}
