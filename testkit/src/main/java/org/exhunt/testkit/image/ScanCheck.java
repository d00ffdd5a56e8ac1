package org.exhunt.testkit.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.exhunt.core.Rows;

/**
 * Compares a scan's answer with what a correct scan says ({@link ExpectedScan}: the oracle's, or an example image's
 * expected-verdict file) and lists every difference: a row's exposure or compromise, the exit code, a required finding
 * missing (matched by the file and record it comes from, its chain and its stage, whatever rule found it), an evidence
 * finding (any stage but context) that no expected trace explains, such as one on a benign look-alike, a row's
 * timeline that does not start at its first trace, and the impact and steps to take ({@link ImpactCheck}). The one check of the example images' tests, the fresh images' and
 * the scan benchmark's. It reads the answer's data only ({@link ScanAnswer}): each finding's stage as the scan set it,
 * compared with the stage label the expectation names (the scenario's own, {@link Stage}); nothing here classifies a
 * finding.
 */
public final class ScanCheck {

    /** The stage label of a finding that is not evidence of compromise by itself. */
    private static final String CONTEXT = Stage.CONTEXT.label();

    /** One difference between the scan and the expectation: what it is about, and how it differs. */
    public record Mismatch(Kind kind, String image, String subject, String detail) {

        @Override
        public String toString() {
            return image + ": " + kind.describe + (subject.isEmpty() ? "" : " " + subject) + ": " + detail;
        }
    }

    /** What kind of difference. */
    public enum Kind {
        ROW("row"), EXIT_CODE("exit code"), MISSING_FINDING("missing finding"), UNEXPECTED_FINDING("unexpected finding"),
        TIMELINE("timeline"), IMPACT("impact"), ACTION("step to take");

        private final String describe;

        Kind(String describe) {
            this.describe = describe;
        }
    }

    private ScanCheck() {}

    /** @param exitCode the run's exit code, or null when the caller has none to check (a scan without the CLI) */
    public static List<Mismatch> check(ExpectedScan expected, ScanAnswer answer, Integer exitCode) {
        List<Mismatch> out = new ArrayList<>();
        String image = expected.image();
        for (ExpectedScan.Row row : expected.verdicts()) {
            Optional<ScanAnswer.Row> found = answer.verdicts().stream().filter(x -> x.row().equals(row.row())).findFirst();
            if (found.isEmpty()) {
                out.add(new Mismatch(Kind.ROW, image, row.row(), "no such row in the scan"));
                continue;
            }
            ScanAnswer.Row v = found.get();
            if (row.exposure() != null && !row.exposure().equals(v.exposure())) {
                out.add(new Mismatch(Kind.ROW, image, row.row(), "exposure " + v.exposure() + ", expected " + row.exposure()));
            }
            if (!row.compromise().contains(v.compromise())) {
                out.add(new Mismatch(Kind.ROW, image, row.row(), v.compromise() + ", expected " + String.join(" or ", row.compromise())
                        + " (" + row.why() + "); the scan says: " + v.reason()));
            }
        }
        if (exitCode != null && expected.exitCode() != null && !exitCode.equals(expected.exitCode())) {
            out.add(new Mismatch(Kind.EXIT_CODE, image, "", exitCode + ", expected " + expected.exitCode()));
        }
        for (ExpectedScan.Finding e : expected.findings()) {
            // a trace reported as part of another finding (the same LSASS dump seen by several logs) is reported
            if (e.required() && answer.findings().stream().noneMatch(f -> satisfies(f, e)
                    || f.linked().stream().anyMatch(l -> satisfies(l, e)))) {
                out.add(new Mismatch(Kind.MISSING_FINDING, image, e.source() + (e.time() == null ? "" : " " + e.time()),
                        e.toString()));
            }
        }
        for (ScanAnswer.Finding f : answer.findings()) {
            if (f.stage().equals(CONTEXT)) continue;
            List<ExpectedScan.Finding> here = expected.findings().stream().filter(e -> sameRecord(f, e)).toList();
            if (here.stream().anyMatch(e -> !e.benign() && Objects.equals(e.chain(), f.chain()))) continue;
            String why = here.stream().filter(ExpectedScan.Finding::benign).findFirst()
                    .map(e -> "on a benign look-alike: " + e.what())
                    .orElse(here.isEmpty() ? "no expected trace there" : "expected there: " + here);
            out.add(new Mismatch(Kind.UNEXPECTED_FINDING, image, f.ruleId() + " at " + f.file() + (f.time() == null ? "" : " " + f.time()),
                    f.stage() + " / " + (f.chain() == null ? "no chain" : f.chain()) + ", " + why));
        }
        out.addAll(timelines(expected, answer));
        out.addAll(ImpactCheck.check(expected, answer));
        return out;
    }

    /**
     * Each row with expected evidence has a timeline whose first evidence is the row's earliest expected trace: no
     * later than its earliest required one, no earlier than its earliest possible one. (Its last evidence is not
     * checked: files carry the time they were checked out or generated.)
     */
    private static List<Mismatch> timelines(ExpectedScan expected, ScanAnswer answer) {
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
            Optional<ScanAnswer.Timeline> timeline = answer.timelines().stream().filter(t -> t.row().equals(row)).findFirst();
            Instant first = timeline.map(ScanAnswer.Timeline::first).orElse(null);
            String problem = timeline.isEmpty() ? "no timeline for the row"
                    : first == null ? "no first evidence in the row's timeline"
                    : first.isAfter(latestFirst) || first.isBefore(earliestFirst)
                    ? "first evidence " + first + ", expected " + earliestFirst
                      + (earliestFirst.equals(latestFirst) ? "" : " to " + latestFirst)
                    : null;
            if (problem != null) out.add(new Mismatch(Kind.TIMELINE, expected.image(), row, problem));
        });
        return out;
    }

    private static boolean satisfies(ScanAnswer.Finding f, ExpectedScan.Finding e) {
        return sameRecord(f, e) && Objects.equals(e.chain(), f.chain()) && (e.stage() == null || e.stage().equals(f.stage()));
    }

    /** The same file (the expected drive path at the end of the scanned path) and, for log records, the same time. */
    private static boolean sameRecord(ScanAnswer.Finding f, ExpectedScan.Finding e) {
        String file = f.file().replace('\\', '/').toLowerCase(Locale.ROOT);
        return file.endsWith("/" + e.source().toLowerCase(Locale.ROOT)) && (e.time() == null || e.time().equals(f.time()));
    }
}
