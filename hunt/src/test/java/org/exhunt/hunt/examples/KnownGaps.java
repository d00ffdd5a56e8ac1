package org.exhunt.hunt.examples;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;

/**
 * The gaps of today's scan that the example images show, each with where its fix belongs. The expected files
 * stay what a correct scan says; a difference is set aside only when it is one of these gaps or follows from
 * one in the same image (a row, a file's link or the exit code that the missing evidence would have decided),
 * and every set-aside difference is printed. The committed examples must still show every gap: once one is
 * fixed, {@link #unseen} names it and the example test fails until it is removed from here.
 */
public final class KnownGaps {

    /** A gap, and how to recognise the expected finding it leaves missing. */
    public enum Gap {
        PROCESS_AND_FILE_EVENTS("no rule in the pack reads process or file creation events (Sysmon 1 and 11, Security"
                + " 4688): IIS and Exchange workers starting shells, comsvcs.dll MiniDump of LSASS, Exchange processes"
                + " writing scripts into web folders (rules/sigma/windows)",
                e -> e.source().endsWith("Sysmon%4Operational.evtx") || e.source().endsWith("/Security.evtx")),
        PROXYSHELL_ANSWERED_RECONNAISSANCE("the ProxyShell path confusion answered for a back end outside /powershell,"
                + " /mapi/nspi and /EWS (autodiscover.xml, mapi/emsmdb, owa/) makes no finding: the attempt rule leaves"
                + " answered requests to the success rule, whose back ends are fewer"
                + " (rules/sigma/webserver/proxyshell_autodiscover_ssrf*.yml)",
                e -> e.what().startsWith("ProxyShell path confusion") && e.what().contains(", answered")),
        CMDLET_FIRST_PARAMETER("the mailbox-export rules look for ' -Mailbox ' and ' -Identity ' with a space before,"
                + " which the cmdlet log's parameters lack when that parameter comes first"
                + " (rules/sigma/windows/proxyshell_mailbox_export_to_web_path.yml, proxyshell_export_request_removed.yml)",
                e -> e.source().endsWith("MSExchange Management.evtx")
                        && (e.what().contains("exported as an .aspx") || e.what().contains("export request removed"))),
        FINDINGS_LINKED_ONE_BY_ONE("when one finding ties a file to a chain (a PST-export or OAB-settings shell), the"
                + " file's other findings (its content, name, folder) stay unlinked and keep Post-exploitation"
                + " COMPROMISED (hunt's ShellLinker links finding by finding, not file by file)", e -> false);

        private final String why;
        private final Predicate<ExpectedScan.Finding> missing;

        Gap(String why, Predicate<ExpectedScan.Finding> missing) {
            this.why = why;
            this.missing = missing;
        }

        public String why() {
            return why;
        }
    }

    /** A difference set aside: the gap itself, or what follows from it. */
    public record Known(ScanCheck.Mismatch mismatch, Gap gap, boolean follows) {
        @Override
        public String toString() {
            return mismatch + " [" + (follows ? "follows from " : "") + gap + "]";
        }
    }

    /** The differences of a run: set aside, and failing. */
    public record Split(List<Known> known, List<ScanCheck.Mismatch> failures) {

        /** The gaps shown directly (not only through what follows from them). */
        public Set<Gap> shown() {
            Set<Gap> gaps = EnumSet.noneOf(Gap.class);
            known.stream().filter(k -> !k.follows()).forEach(k -> gaps.add(k.gap()));
            return gaps;
        }
    }

    private KnownGaps() {}

    /** The gaps that none of the differences shows: fixed, to be removed from this list. */
    public static Set<Gap> unseen(Split split) {
        Set<Gap> unseen = EnumSet.allOf(Gap.class);
        unseen.removeAll(split.shown());
        return unseen;
    }

    /** @param results each image's scan, by image name */
    public static Split split(List<ScanCheck.Mismatch> mismatches, Map<String, ServerResult> results) {
        Map<String, List<ScanCheck.Mismatch>> byImage = new LinkedHashMap<>();
        mismatches.forEach(m -> byImage.computeIfAbsent(m.image(), k -> new ArrayList<>()).add(m));
        List<Known> known = new ArrayList<>();
        List<ScanCheck.Mismatch> failures = new ArrayList<>();
        byImage.forEach((image, ms) -> {
            Map<ScanCheck.Mismatch, Known> k = classify(ms, results.get(image));
            for (ScanCheck.Mismatch m : ms) {
                if (k.containsKey(m)) known.add(k.get(m));
                else failures.add(m);
            }
        });
        return new Split(List.copyOf(known), List.copyOf(failures));
    }

    private static Map<ScanCheck.Mismatch, Known> classify(List<ScanCheck.Mismatch> ms, ServerResult result) {
        Map<ScanCheck.Mismatch, Known> known = new HashMap<>();
        Map<String, Gap> gapOfChain = new HashMap<>();   // the first gap that hid some evidence of a chain
        for (ScanCheck.Mismatch m : of(ms, ScanCheck.Kind.MISSING_FINDING)) {
            for (Gap g : Gap.values()) {
                if (g.missing.test(m.expected())) {
                    known.put(m, new Known(m, g, false));
                    if (m.expected().chain() != null) gapOfChain.putIfAbsent(m.expected().chain(), g);
                    break;
                }
            }
        }
        // a finding that is there but not linked to the chain it belongs to
        for (ScanCheck.Mismatch m : of(ms, ScanCheck.Kind.MISSING_FINDING)) {
            ExpectedScan.Finding e = m.expected();
            if (known.containsKey(m) || e.chain() == null) continue;
            boolean unlinked = result.findings().stream().anyMatch(f -> ScanCheck.sameRecord(f, e) && f.chain() == null);
            if (unlinked) put(known, m, linkGap(e.chain(), e.source(), result, gapOfChain));
        }
        for (ScanCheck.Mismatch m : of(ms, ScanCheck.Kind.UNEXPECTED_FINDING)) {
            if (m.actual().chain() != null) continue;
            m.there().stream().filter(e -> !e.benign() && e.chain() != null).findFirst()
                    .ifPresent(e -> put(known, m, linkGap(e.chain(), e.source(), result, gapOfChain)));
        }
        for (ScanCheck.Mismatch m : of(ms, ScanCheck.Kind.ROW)) {
            if (m.verdict() == null || m.row().exposure() != null && !m.row().exposure().equals(m.verdict().exposure().name())) {
                continue;   // a missing row or an exposure: never a gap of the evidence
            }
            String actual = m.verdict().compromise().name();
            if (m.subject().equals("Post-exploitation")) {
                List<ScanCheck.Mismatch> unlinked = of(ms, ScanCheck.Kind.UNEXPECTED_FINDING);
                if (actual.equals("COMPROMISED") && m.row().compromise().contains("CLEAN") && !unlinked.isEmpty()
                        && unlinked.stream().allMatch(known::containsKey)) {
                    known.put(m, new Known(m, known.get(unlinked.get(0)).gap(), true));
                }
            } else if (!isDetection(actual) && m.row().compromise().stream().anyMatch(KnownGaps::isDetection)
                    && gapOfChain.containsKey(m.subject())) {
                known.put(m, new Known(m, gapOfChain.get(m.subject()), true));
            }
        }
        of(ms, ScanCheck.Kind.ROW).stream().filter(known::containsKey).findFirst().ifPresent(row ->
                of(ms, ScanCheck.Kind.EXIT_CODE).forEach(m -> known.put(m, new Known(m, known.get(row).gap(), true))));
        return known;
    }

    /**
     * Why a file or record of {@code chain} is not linked to it: another finding about the same file is (linked one
     * by one), or the chain's evidence that would link it is itself hidden by a gap; null when neither.
     */
    private static Known linkGap(String chain, String drivePath, ServerResult result, Map<String, Gap> gapOfChain) {
        boolean linkedElsewhere = result.findings().stream()
                .anyMatch(f -> ScanCheck.sameFile(f, drivePath) && Objects.equals(f.chain(), chain));
        if (linkedElsewhere) return new Known(null, Gap.FINDINGS_LINKED_ONE_BY_ONE, false);
        Gap hidden = gapOfChain.get(chain);
        return hidden == null ? null : new Known(null, hidden, true);
    }

    private static void put(Map<ScanCheck.Mismatch, Known> known, ScanCheck.Mismatch m, Known how) {
        if (how != null) known.put(m, new Known(m, how.gap(), how.follows()));
    }

    private static List<ScanCheck.Mismatch> of(List<ScanCheck.Mismatch> ms, ScanCheck.Kind kind) {
        return ms.stream().filter(m -> m.kind() == kind).toList();
    }

    private static boolean isDetection(String compromise) {
        return compromise.toUpperCase(Locale.ROOT).equals("ATTEMPTED") || compromise.equals("COMPROMISED");
    }
}
