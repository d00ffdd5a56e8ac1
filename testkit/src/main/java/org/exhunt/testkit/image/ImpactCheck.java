package org.exhunt.testkit.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The part of {@link ScanCheck} about what the attackers touched and what to do now: the scan's impact lists exactly
 * the expected mailboxes, files, accounts and messages (names compared as responders read them: case ignored, an
 * account with or without its domain, a path local or through the server's admin share), its scope is stated when
 * expected and from a time the evidence allows, and its steps are the expected ones, in order, naming what they must.
 */
final class ImpactCheck {

    private ImpactCheck() {}

    static List<ScanCheck.Mismatch> check(ExpectedScan expected, ScanAnswer answer) {
        List<ScanCheck.Mismatch> out = new ArrayList<>();
        String image = expected.image();
        if (expected.impact() != null) {
            if (answer.impact() == null) {
                out.add(new ScanCheck.Mismatch(ScanCheck.Kind.IMPACT, image, "", "the answer has no impact"));
            } else {
                impact(image, expected.impact(), answer.impact(), out);
            }
        }
        if (expected.actions() != null) actions(image, expected.actions(), answer.actions(), out);
        return out;
    }

    private static void impact(String image, ExpectedImpact e, ImpactAnswer a, List<ScanCheck.Mismatch> out) {
        compare(image, "export", e.exports(), a.exports(),
                (x, y) -> sameName(x.mailbox(), y.mailbox()) && samePath(x.file(), y.file()),
                (x, y) -> Objects.equals(x.onDisk(), y.onDisk()) && x.time().equals(y.time()),
                x -> x.mailbox() + " to " + x.file() + (x.onDisk() ? " (on disk)" : " (gone)") + " at " + x.time(),
                y -> y.mailbox() + " to " + y.file() + " (on disk: " + y.onDisk() + ") at " + y.time(), out);
        compare(image, "mailbox read", e.reads(), a.reads(),
                (x, y) -> sameName(x.mailbox(), y.mailbox()) && x.protocol().equalsIgnoreCase(y.protocol()),
                (x, y) -> true, x -> x.mailbox() + " through " + x.protocol(), y -> y.mailbox() + " through " + y.protocol(), out);
        compare(image, "mail to review", e.sent(), a.sent(),
                (x, y) -> sameName(x.sender(), y.sender()) && y.recipients().stream().anyMatch(r -> sameName(r, x.recipient())),
                (x, y) -> true, x -> x.sender() + " to " + x.recipient(), y -> y.sender() + " to " + y.recipients(), out);
        compare(image, "credentials", e.credentials(), a.credentials(),
                (x, y) -> x.how().equals(y.how()) && (sameAccount(x.account(), y.account())
                        || (x.how().equals(OracleImpact.COMPUTER_ACCOUNT) && !y.account().contains("$"))),
                (x, y) -> true, x -> x.account() + " (" + x.how() + ")", y -> y.account() + " (" + y.how() + ")", out);
        compare(image, "account change", e.accounts(), a.accounts(),
                (x, y) -> x.kind().equals(y.kind()) && sameAccount(x.account(), y.account()) && sameName(x.group(), y.group()),
                (x, y) -> true, x -> x.kind() + " " + x.account() + (x.group() == null ? "" : " " + x.group()),
                y -> y.kind() + " " + y.account() + (y.group() == null ? "" : " " + y.group()), out);
        compare(image, "way back in", e.persistence(), a.persistence(),
                (x, y) -> x.kind().equals(y.kind()) && sameName(x.name(), y.name()), (x, y) -> true,
                x -> x.kind() + " " + x.name(), y -> y.kind() + " " + y.name(), out);
        ExpectedImpact.Scope scope = e.scope();
        if (scope.present() != null && scope.present() != a.scope()) {
            out.add(new ScanCheck.Mismatch(ScanCheck.Kind.IMPACT, image, "scope",
                    scope.present() ? "not stated, expected from " + scope.earliest() : "stated, expected none"));
        } else if (Boolean.TRUE.equals(scope.present()) && scope.earliest() != null) {
            Instant from = a.scopeFrom();
            if (from == null || from.isBefore(scope.earliest()) || from.isAfter(scope.latest())) {
                out.add(new ScanCheck.Mismatch(ScanCheck.Kind.IMPACT, image, "scope", "from " + from + ", expected "
                        + scope.earliest() + (scope.earliest().equals(scope.latest()) ? "" : " to " + scope.latest())));
            }
        }
    }

    /** Each expected item found (and alike in {@code details}), each item of the answer expected. */
    private static <E, A> void compare(String image, String what, List<E> expected, List<A> answered, BiPredicate<E, A> same,
                                       BiPredicate<E, A> details, Function<E, String> e, Function<A, String> a,
                                       List<ScanCheck.Mismatch> out) {
        for (E x : expected) {
            List<A> found = answered.stream().filter(y -> same.test(x, y)).toList();
            if (found.isEmpty()) {
                out.add(new ScanCheck.Mismatch(ScanCheck.Kind.IMPACT, image, what, "missing: " + e.apply(x)));
            } else if (found.stream().noneMatch(y -> details.test(x, y))) {
                out.add(new ScanCheck.Mismatch(ScanCheck.Kind.IMPACT, image, what, a.apply(found.get(0)) + ", expected "
                        + e.apply(x)));
            }
        }
        for (A y : answered) {
            if (expected.stream().noneMatch(x -> same.test(x, y))) {
                out.add(new ScanCheck.Mismatch(ScanCheck.Kind.IMPACT, image, what, "not expected: " + a.apply(y)));
            }
        }
    }

    private static void actions(String image, List<ExpectedAction> expected, List<ImpactAnswer.Step> answered,
                                List<ScanCheck.Mismatch> out) {
        List<String> ids = expected.stream().map(ExpectedAction::step).toList();
        for (ExpectedAction e : expected) {
            if (e.required() && answered.stream().noneMatch(a -> a.step().equals(e.step()))) {
                out.add(new ScanCheck.Mismatch(ScanCheck.Kind.ACTION, image, e.step(), "missing"));
            }
        }
        int last = -1;
        for (ImpactAnswer.Step a : answered) {
            int at = ids.indexOf(a.step());
            if (at < 0) {
                out.add(new ScanCheck.Mismatch(ScanCheck.Kind.ACTION, image, a.step(), "not expected (expected: "
                        + String.join(", ", ids) + ")"));
                continue;
            }
            if (at < last) out.add(new ScanCheck.Mismatch(ScanCheck.Kind.ACTION, image, a.step(), "out of order: " + ids));
            last = Math.max(last, at);
            subjects(image, expected.get(at), a, out);
        }
    }

    private static void subjects(String image, ExpectedAction e, ImpactAnswer.Step a, List<ScanCheck.Mismatch> out) {
        if (e.subjects() != null) {
            for (String s : e.subjects()) {
                if (a.subjects().stream().noneMatch(x -> sameSubject(s, x))) {
                    out.add(new ScanCheck.Mismatch(ScanCheck.Kind.ACTION, image, e.step(), "does not name " + s + ": " + a.subjects()));
                }
            }
            for (String x : a.subjects()) {
                if (e.subjects().stream().noneMatch(s -> sameSubject(s, x)) && e.optional().stream().noneMatch(s -> sameSubject(s, x))) {
                    out.add(new ScanCheck.Mismatch(ScanCheck.Kind.ACTION, image, e.step(), "names " + x + ", not expected: "
                            + e.subjects()));
                }
            }
        }
        if (e.lastSubject() != null && (a.subjects().isEmpty() || !e.lastSubject().equals(a.subjects().get(a.subjects().size() - 1)))) {
            out.add(new ScanCheck.Mismatch(ScanCheck.Kind.ACTION, image, e.step(), "ends on " + a.subjects() + ", expected "
                    + e.lastSubject()));
        }
    }

    private static boolean sameSubject(String expected, String answered) {
        return sameName(expected, answered) || samePath(expected, answered) || sameAccount(expected, answered)
                || (expected.equals(Attacks.HOST + "$") && !answered.contains("$"));
    }

    private static boolean sameName(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    /** {@code CONTOSO\alice} and {@code alice} are the same account. */
    private static boolean sameAccount(String a, String b) {
        if (a == null || b == null) return a == b;
        return a.equalsIgnoreCase(b) || user(a).equalsIgnoreCase(user(b)) && (!a.contains("\\") || !b.contains("\\"));
    }

    private static String user(String account) {
        return account.substring(account.lastIndexOf('\\') + 1);
    }

    /** The same file: case and separators aside, {@code \\127.0.0.1\c$\x} and {@code \\localhost\c$\x} as {@code C:\x}. */
    private static boolean samePath(String a, String b) {
        return a != null && b != null && path(a).equals(path(b));
    }

    private static String path(String p) {
        String s = p.toLowerCase(Locale.ROOT).replace('/', '\\');
        for (String share : new String[] {"\\\\127.0.0.1\\c$\\", "\\\\localhost\\c$\\", "\\\\" + Attacks.HOST.toLowerCase(Locale.ROOT) + "\\c$\\"}) {
            if (s.startsWith(share)) s = "c:\\" + s.substring(share.length());
        }
        return s;
    }
}
