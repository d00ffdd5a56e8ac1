package org.exhunt.testkit.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.exhunt.core.Rows;

/**
 * The steps of what to do now a correct scan gives, from the scenario, its expected rows and impact, and the build
 * table: the rule pack's steps (rules/response/steps.csv) by id, in their order, each required when the expectation is
 * settled and allowed when it is open, with what it must name. A second, simple reading of the steps' conditions,
 * never exhunt's code.
 */
final class OracleActions {

    /** The rows no URL Rewrite rule cuts. */
    private static final List<String> UNMITIGATED = List.of(Rows.PROXYSHELL, Rows.CVE_2020_0688, Rows.CVE_2021_42321,
            Rows.CVE_2021_33766, Rows.CVE_2021_31196);

    /** A condition's answer: it holds for sure, maybe, or not. */
    private enum Answer {
        YES, MAYBE, NO;

        static Answer of(boolean sure, boolean possible) {
            return sure ? YES : possible ? MAYBE : NO;
        }
    }

    private final Scenario s;
    private final BuildTable table;
    private final List<ExpectedScan.Row> rows;
    private final ExpectedImpact impact;
    private final List<ExpectedAction> out = new ArrayList<>();

    private OracleActions(Scenario s, BuildTable table, List<ExpectedScan.Row> rows, ExpectedImpact impact) {
        this.s = s;
        this.table = table;
        this.rows = rows;
        this.impact = impact;
    }

    /** The expected steps, or null when the impact they rest on is left open. */
    static List<ExpectedAction> of(Scenario s, BuildTable table, List<ExpectedScan.Row> rows, ExpectedImpact impact) {
        if (impact == null) return null;
        return new OracleActions(s, table, rows, impact).steps();
    }

    private List<ExpectedAction> steps() {
        Answer compromised = compromise(Oracle.COMPROMISED);
        Answer attempted = compromise(Oracle.ATTEMPTED);
        Answer vulnerable = vulnerable(rows.stream().map(ExpectedScan.Row::row).toList());
        add("contain", or(compromised, and(attempted, vulnerable)), null);
        add("block-addresses", or(compromised, attempted), addresses());
        add("preserve", compromised, null);
        add("remove-files", files(false));
        add("remove-dumps", files(true));
        List<String> accounts = impact.credentials().stream().map(ExpectedImpact.Credential::account).toList();
        add("reset-credentials", accounts.isEmpty() ? Answer.NO : Answer.YES, subjects(accounts, List.of()));
        add("reset-administrators", accounts.isEmpty() ? compromised : Answer.NO, null);
        install();
        add("mitigate-proxylogon", vulnerable(List.of(Rows.PROXYLOGON)), null);
        add("mitigate-proxynotshell", vulnerable(List.of(Rows.PROXYNOTSHELL)), null);
        add("no-mitigation", vulnerable(UNMITIGATED), rowsWhere(UNMITIGATED, Oracle.VULNERABLE));
        add("unknown-build", Answer.of(rows.stream().anyMatch(r -> Oracle.UNKNOWN.equals(r.exposure())),
                rows.stream().anyMatch(r -> r.exposure() == null)), null);
        lookFurther();
        List<String> changed = new ArrayList<>();
        impact.accounts().forEach(a -> { if (!changed.contains(a.account())) changed.add(a.account()); });
        impact.persistence().forEach(p -> { if (!changed.contains(p.name())) changed.add(p.name()); });
        add("review-persistence", changed.isEmpty() ? Answer.NO : Answer.YES, subjects(changed, List.of()));
        List<String> senders = impact.sent().stream().map(ExpectedImpact.Sent::sender).distinct().toList();
        add("review-mail", senders.isEmpty() ? Answer.NO : Answer.YES, subjects(senders, List.of()));
        Set<String> mailboxes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        impact.exports().forEach(e -> mailboxes.add(e.mailbox()));
        impact.reads().forEach(r -> mailboxes.add(r.mailbox()));
        add("assess-mailboxes", mailboxes.isEmpty() ? Answer.NO : Answer.YES, subjects(List.copyOf(mailboxes), List.of()));
        Boolean scope = impact.scope().present();
        add("assess-scope", scope == null ? Answer.MAYBE : scope ? Answer.YES : Answer.NO, null);
        boolean anySure = out.stream().anyMatch(ExpectedAction::required);
        if (!anySure) out.add(ExpectedAction.of("nothing-to-do", out.isEmpty()));
        return out;
    }

    private void add(String step, Answer answer, ExpectedAction subjects) {
        // a step that names subjects applies only when it has some: required when one must be named, else allowed
        if (subjects != null && answer == Answer.YES && subjects.subjects().isEmpty()) {
            answer = subjects.optional().isEmpty() ? Answer.NO : Answer.MAYBE;
        }
        if (answer == Answer.NO) return;
        out.add(subjects == null ? ExpectedAction.of(step, answer == Answer.YES)
                : new ExpectedAction(step, answer == Answer.YES, subjects.subjects(), subjects.optional(), subjects.lastSubject()));
    }

    private void add(String step, ExpectedAction files) {
        if (files.subjects().isEmpty() && files.optional().isEmpty()) return;
        out.add(new ExpectedAction(step, !files.subjects().isEmpty(), files.subjects(), files.optional(), null));
    }

    private static ExpectedAction subjects(List<String> required, List<String> optional) {
        return new ExpectedAction("", true, required, optional, null);
    }

    /** Addresses: those of the steps with a required exploit trace in the logs; those of any other step with a trace, allowed. */
    private ExpectedAction addresses() {
        Set<String> required = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        for (Step step : s.steps()) {
            if (step.clientIp() == null) continue;
            List<Trace> visible = step.traces().stream().filter(t -> Oracle.visibleTraces(s).contains(t)).toList();
            if (visible.stream().anyMatch(t -> t.expect().required() && t.expect().chain() != null
                    && (t.expect().stage() == Stage.ATTEMPT || t.expect().stage() == Stage.SUCCESS))) {
                required.add(step.clientIp());
            } else if (!visible.isEmpty()) {
                optional.add(step.clientIp());
            }
        }
        optional.removeAll(required);
        return subjects(List.copyOf(required), List.copyOf(optional));
    }

    /** The files left behind: post-exploitation ones must be named, those reported at either stage may be. */
    private ExpectedAction files(boolean dumps) {
        List<String> required = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        for (DroppedFile f : s.files()) {
            if (f.drivePath().toLowerCase(Locale.ROOT).endsWith(".dmp") != dumps || !f.expect().required()) continue;
            if (f.expect().stage() == Stage.POST_EXPLOITATION) required.add(f.windowsPath());
            else if (f.expect().stage() == null) optional.add(f.windowsPath());
        }
        return subjects(required, optional);
    }

    /** The update to end on: the product's newest build in the table, when the server does not run it yet. */
    private void install() {
        BuildTable.Build now = table.get(s.build());
        BuildTable.Build newest = table.all().stream().filter(b -> b.family().equals(now.family()))
                .max(Comparator.comparing(BuildTable.Build::released).thenComparing(b -> version(b.build())))
                .orElseThrow();
        if (newest.build().equals(now.build())) return;
        out.add(new ExpectedAction("install-update", true, null, List.of(), newest.build()));
    }

    /** A build's parts as a sortable text: {@code 15.2.1748.49} as {@code 00015.00002.01748.00049}. */
    private static String version(String build) {
        StringBuilder out = new StringBuilder();
        for (String part : build.split("\\.")) out.append(String.format("%05d.", Integer.parseInt(part)));
        return out.toString();
    }

    private void lookFurther() {
        List<String> sure = rows.stream().filter(r -> r.compromise().equals(List.of(Oracle.CANNOT_TELL))).map(ExpectedScan.Row::row).toList();
        List<String> maybe = rows.stream().filter(r -> r.compromise().size() > 1 && r.compromise().contains(Oracle.CANNOT_TELL))
                .map(ExpectedScan.Row::row).toList();
        add("look-further", Answer.of(!sure.isEmpty(), !maybe.isEmpty()), subjects(sure, maybe));
    }

    private Answer compromise(String verdict) {
        return Answer.of(rows.stream().anyMatch(r -> r.compromise().equals(List.of(verdict))),
                rows.stream().anyMatch(r -> r.compromise().contains(verdict)));
    }

    /** Whether one of these rows is VULNERABLE: for sure, or maybe when the table leaves an exposure open. */
    private Answer vulnerable(List<String> among) {
        List<ExpectedScan.Row> these = rows.stream().filter(r -> among.contains(r.row())).toList();
        return Answer.of(these.stream().anyMatch(r -> Oracle.VULNERABLE.equals(r.exposure())),
                these.stream().anyMatch(r -> r.exposure() == null));
    }

    /** The rows among these that are VULNERABLE (required), and those whose exposure is open (allowed). */
    private ExpectedAction rowsWhere(List<String> among, String exposure) {
        List<ExpectedScan.Row> these = rows.stream().filter(r -> among.contains(r.row())).toList();
        return subjects(these.stream().filter(r -> exposure.equals(r.exposure())).map(ExpectedScan.Row::row).toList(),
                these.stream().filter(r -> r.exposure() == null).map(ExpectedScan.Row::row).toList());
    }

    private static Answer or(Answer a, Answer b) {
        return a == Answer.YES || b == Answer.YES ? Answer.YES : a == Answer.MAYBE || b == Answer.MAYBE ? Answer.MAYBE : Answer.NO;
    }

    private static Answer and(Answer a, Answer b) {
        return a == Answer.NO || b == Answer.NO ? Answer.NO : a == Answer.YES && b == Answer.YES ? Answer.YES : Answer.MAYBE;
    }
}
