package org.exhunt.hunt.examples;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;
import org.exhunt.hunt.verdict.Rows;
import org.exhunt.hunt.verdict.Stage;

/**
 * Compares a scan of an example image with its expected-verdict file and lists every difference: a row's
 * exposure or compromise, the exit code, a required finding missing (matched by the file and record it comes
 * from, its chain and its stage, whatever rule found it), and an evidence finding (any stage but context) that
 * no expected trace explains, such as one on a benign look-alike.
 */
public final class ScanCheck {

    /**
     * One difference between the scan and the expectation, with what it is about: the expected row and the
     * scan's verdict ({@link Kind#ROW}), the expected finding ({@link Kind#MISSING_FINDING}), or the scan's finding
     * and the expected traces at its record ({@link Kind#UNEXPECTED_FINDING}).
     */
    public record Mismatch(Kind kind, String image, String subject, String detail, ExpectedScan.Row row, Verdict verdict,
                           ExpectedScan.Finding expected, Finding actual, List<ExpectedScan.Finding> there) {

        public Mismatch {
            there = there == null ? List.of() : List.copyOf(there);
        }

        @Override
        public String toString() {
            return image + ": " + kind.describe + " " + subject + ": " + detail;
        }
    }

    /** What kind of difference. */
    public enum Kind {
        ROW("row"), EXIT_CODE("exit code"), MISSING_FINDING("missing finding"), UNEXPECTED_FINDING("unexpected finding"),
        TIMELINE("timeline");

        final String describe;

        Kind(String describe) {
            this.describe = describe;
        }
    }

    private static final Pattern FIRST = Pattern.compile(", first (\\S+?),");

    private ScanCheck() {}

    /** @param exitCode the run's exit code, or null when the caller has none to check (a scan without the CLI) */
    public static List<Mismatch> check(ExpectedScan expected, ServerResult result, Integer exitCode) {
        List<Mismatch> out = new ArrayList<>();
        String image = expected.image();
        for (ExpectedScan.Row row : expected.verdicts()) {
            Optional<Verdict> found = result.verdicts().stream().filter(x -> x.row().equals(row.row())).findFirst();
            if (found.isEmpty()) {
                out.add(new Mismatch(Kind.ROW, image, row.row(), "no such row in the scan", row, null, null, null, null));
                continue;
            }
            Verdict v = found.get();
            if (row.exposure() != null && !row.exposure().equals(v.exposure().name())) {
                out.add(new Mismatch(Kind.ROW, image, row.row(), "exposure " + v.exposure() + ", expected " + row.exposure(),
                        row, v, null, null, null));
            }
            if (!row.compromise().contains(v.compromise().name())) {
                out.add(new Mismatch(Kind.ROW, image, row.row(), v.compromise() + ", expected " + String.join(" or ", row.compromise())
                        + " (" + row.why() + "); the scan says: " + v.reason(), row, v, null, null, null));
            }
        }
        if (exitCode != null && expected.exitCode() != null && !exitCode.equals(expected.exitCode())) {
            out.add(new Mismatch(Kind.EXIT_CODE, image, "", exitCode + ", expected " + expected.exitCode(), null, null, null, null,
                    null));
        }
        for (ExpectedScan.Finding e : expected.findings()) {
            // a trace reported as part of another finding (the same LSASS dump seen by several logs) is reported
            if (e.required() && result.findings().stream().noneMatch(f -> satisfies(f, e)
                    || f.linked().stream().anyMatch(l -> satisfies(l, e)))) {
                out.add(new Mismatch(Kind.MISSING_FINDING, image, e.source() + (e.time() == null ? "" : " " + e.time()),
                        e.toString(), null, null, e, null, null));
            }
        }
        for (Finding f : result.findings()) {
            if (Stage.of(f) == Stage.CONTEXT) continue;
            List<ExpectedScan.Finding> here = expected.findings().stream().filter(e -> sameRecord(f, e)).toList();
            if (here.stream().anyMatch(e -> !e.benign() && Objects.equals(e.chain(), f.chain()))) continue;
            String why = here.stream().filter(ExpectedScan.Finding::benign).findFirst()
                    .map(e -> "on a benign look-alike: " + e.what())
                    .orElse(here.isEmpty() ? "no expected trace there" : "expected there: " + here);
            out.add(new Mismatch(Kind.UNEXPECTED_FINDING, image, f.ruleId() + " at " + f.source(),
                    label(Stage.of(f)) + " / " + (f.chain() == null ? "no chain" : f.chain()) + ", " + why, null, null, null, f,
                    here));
        }
        out.addAll(timelines(expected, result));
        return out;
    }

    /**
     * Each row with expected evidence has a timeline whose first evidence is the row's earliest expected trace: no
     * later than its earliest required one, no earlier than its earliest possible one. (Its last evidence is not
     * checked: files carry the time they were checked out or generated.)
     */
    private static List<Mismatch> timelines(ExpectedScan expected, ServerResult result) {
        Map<String, List<Instant>> required = new TreeMap<>();
        Map<String, List<Instant>> possible = new TreeMap<>();
        for (ExpectedScan.Finding e : expected.findings()) {
            if (e.benign() || e.time() == null) continue;
            String row = e.chain() != null ? e.chain() : Rows.POST_EXPLOITATION;
            possible.computeIfAbsent(row, k -> new ArrayList<>()).add(e.time());
            if (e.required()) required.computeIfAbsent(row, k -> new ArrayList<>()).add(e.time());
        }
        List<Mismatch> out = new ArrayList<>();
        required.forEach((row, times) -> {
            Instant latestFirst = Collections.min(times);
            Instant earliestFirst = Collections.min(possible.get(row));
            Optional<String> timeline = result.notes().stream().filter(n -> n.startsWith("timeline " + row + ": ")).findFirst();
            Matcher first = timeline.map(t -> FIRST.matcher(t)).filter(Matcher::find).orElse(null);
            String problem = timeline.isEmpty() ? "no timeline for the row"
                    : first == null ? "no first evidence in: " + timeline.get()
                    : Instant.parse(first.group(1)).isAfter(latestFirst) || Instant.parse(first.group(1)).isBefore(earliestFirst)
                    ? "first evidence " + first.group(1) + ", expected " + earliestFirst
                      + (earliestFirst.equals(latestFirst) ? "" : " to " + latestFirst)
                    : null;
            if (problem != null) {
                out.add(new Mismatch(Kind.TIMELINE, expected.image(), row, problem, null, null, null, null, null));
            }
        });
        return out;
    }

    private static boolean satisfies(Finding f, ExpectedScan.Finding e) {
        return sameRecord(f, e) && Objects.equals(e.chain(), f.chain())
                && (e.stage() == null || e.stage().equals(label(Stage.of(f))));
    }

    /** The same file (the expected drive path at the end of the scanned path) and, for log records, the same time. */
    static boolean sameRecord(Finding f, ExpectedScan.Finding e) {
        return sameFile(f, e.source()) && (e.time() == null || e.time().equals(f.time()));
    }

    /** Whether a finding was read from the file at this drive path. */
    static boolean sameFile(Finding f, String drivePath) {
        String file = f.source().file().replace('\\', '/').toLowerCase(Locale.ROOT);
        return file.endsWith("/" + drivePath.toLowerCase(Locale.ROOT));
    }

    private static String label(Stage s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
