package org.exhunt.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.exhunt.core.Exposure;
import org.exhunt.core.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every build of the table answers its own product, update and date, and has exactly the fixes the table's
 * own columns list. The knowledge base never reads {@code patched_for} or {@code other_kev_fixed}: it derives
 * fixes from {@code security-updates.csv} and the SU-per-CU logic, so the columns, computed by the table's
 * author from HealthChecker's logic, are an independent oracle. Where exhunt knowingly differs, the
 * difference is named below with its reason.
 */
class BuildTableTest {

    private static final Set<String> CHAINS = Set.of("ProxyLogon", "ProxyShell", "ProxyNotShell");

    static Stream<Csv.Line> rows() {
        return TestKb.table().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyBuildAnswersItsOwnProductUpdateAndReleaseDate(Csv.Line row) {
        BuildAssessment a = TestKb.assess(row.get("build_short"));

        assertThat(a.placement()).isEqualTo(Placement.EXACT);
        assertThat(a.known().product()).isEqualTo(row.get("product"));
        assertThat(a.known().update()).isEqualTo(row.get("update_name"));
        assertThat(a.known().released()).isEqualTo(row.get("release_date"));
        assertThat(a.known().kb()).isEqualTo(row.get("kb"));
        assertThat(a.description()).startsWith(row.get("product") + " " + row.get("update_name") + ", released "
                + row.get("release_date"));
        assertThat(row.get("product")).startsWith(a.product().name());
        assertThat(row.get("update_name")).startsWith(a.known().cu().split(" ")[0]).endsWith(a.known().su());
        assertThat(TestKb.assess(row.get("build_long")).known()).isEqualTo(a.known());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyBuildIsPatchedForExactlyTheChainsTheTableLists(Csv.Line row) {
        BuildAssessment a = TestKb.assess(row.get("build_short"));
        Set<String> listed = Set.copyOf(words(row.get("patched_for"), ";"));

        for (String chain : CHAINS) {
            RowExposure r = a.row(chain);
            assertThat(r.exposure() == Exposure.PATCHED).as("%s %s: %s", chain, r.exposure(), r.reason())
                    .isEqualTo(listed.contains(chain));
            assertThat(r.exposure()).isNotEqualTo(Exposure.UNKNOWN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyBuildHasExactlyTheOtherFixesTheTableLists(Csv.Line row) {
        BuildAssessment a = TestKb.assess(row.get("build_short"));
        Set<String> listed = words(row.get("other_kev_fixed"), " ").stream()
                .map(w -> w.replace("(OWASSRF)", "")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> fixed = new TreeSet<>();
        for (RowExposure r : a.rows()) {
            if (!CHAINS.contains(r.row())) fixed.addAll(r.cves(CveStatus.FIXED));
        }
        if (a.row("ProxyNotShell").cves(CveStatus.FIXED).contains("CVE-2022-41080")) fixed.add("CVE-2022-41080");

        Set<String> onlyExhunt = new TreeSet<>(fixed);
        onlyExhunt.removeAll(listed);
        Set<String> onlyTable = new TreeSet<>(listed);
        onlyTable.removeAll(fixed);
        assertThat(onlyTable).as("fixes the table lists and exhunt does not").isEmpty();
        assertThat(onlyExhunt).as("fixes exhunt finds and the table does not list")
                .allSatisfy(cve -> assertThat(knownDifference(row, cve)).as(cve).isTrue());
    }

    /**
     * Where the knowledge base and the table's columns differ on purpose:
     * <ul>
     *   <li>CVE-2021-33766 (ProxyToken): Microsoft's CVE record gives the April 2021 SU builds as first fixed;
     *       the table credits the July 2021 SU (with CVE-2021-31196), so it lacks ProxyToken on builds from the
     *       April SU up to the July SU.</li>
     *   <li>CVE-2020-0688 on the March 2021 SUs for old CUs whose CU itself has the fix (2016 CU16/CU17, 2019
     *       CU5/CU6): the table leaves every such SU's list empty, but an SU cannot remove what its CU has; the
     *       table's own row for the CU lists the fix.</li>
     * </ul>
     */
    private static boolean knownDifference(Csv.Line row, String cve) {
        if (cve.equals("CVE-2021-33766")) return !row.get("other_kev_fixed").contains("CVE-2021-31196");
        if (cve.equals("CVE-2020-0688") && row.get("notes").contains("earlier SUs not rolled up")) {
            Build base = TestKb.assess(row.get("build_short")).known();
            return TestKb.table().stream().anyMatch(r -> r.get("product").equals(row.get("product"))
                    && r.get("update_name").equals(base.cu()) && r.get("other_kev_fixed").contains(cve));
        }
        return false;
    }

    @Test
    void onlyTheMarch2021UpdatesWithoutRollupLeaveAFixUndecided() {
        Set<String> undecided = new LinkedHashSet<>();
        for (Csv.Line row : TestKb.table()) {
            BuildAssessment a = TestKb.assess(row.get("build_short"));
            if (a.anyRow(Exposure.UNKNOWN)) undecided.add(row.get("product") + " " + row.get("update_name"));
            if (a.anyRow(Exposure.UNKNOWN)) assertThat(row.get("notes")).contains("earlier SUs not rolled up");
        }
        assertThat(undecided).containsExactly("Exchange Server 2016 CU14 Mar21SU", "Exchange Server 2016 CU15 Mar21SU",
                "Exchange Server 2019 CU3 Mar21SU", "Exchange Server 2019 CU4 Mar21SU");
    }

    @Test
    void theUpdatesWithoutRollupAreExactlyTheRowsTheTableSaysDoNotRollUp() {
        Set<String> listed = Csv.read("updates-without-rollup.csv", TestKb.read("updates-without-rollup.csv")).stream()
                .map(l -> l.get("build")).collect(Collectors.toSet());
        Set<String> noted = TestKb.table().stream().filter(r -> r.get("notes").contains("earlier SUs not rolled up"))
                .map(r -> r.get("build_short")).collect(Collectors.toSet());
        assertThat(listed).isEqualTo(noted);
    }

    @Test
    void theConflictingMarch2021RowsOf2016Cu8AndCu9AreTwoBuildsOfTheSameUpdate() {
        for (String[] pair : new String[][] {{"15.1.1415.8", "15.1.1415.10"}, {"15.1.1466.13", "15.1.1466.16"}}) {
            BuildAssessment hc = TestKb.assess(pair[0]);
            BuildAssessment ms = TestKb.assess(pair[1]);
            assertThat(hc.known().update()).isEqualTo(ms.known().update()).endsWith("Mar21SU");
            assertThat(hc.known().source()).isEqualTo("HealthChecker");
            assertThat(ms.known().source()).contains("MS-GEBN");
            assertThat(hc.rows()).isEqualTo(ms.rows());
            assertThat(hc.row("ProxyLogon").exposure()).isEqualTo(Exposure.PATCHED);
        }
    }

    @Test
    void theBundledTableIsTheSharedTableUnchanged() throws Exception {
        Path shared = TestEnvironment.corpus().resolveSibling("data").resolve("exchange-builds.csv");
        assertThat(Files.readString(TestKb.DIR.resolve("exchange-builds.csv"))).isEqualTo(Files.readString(shared));
    }

    @Test
    void theTableHasAllItsRowsAndEveryProductItsBuilds() {
        assertThat(TestKb.table()).hasSize(267);
        assertThat(TestKb.KB.builds()).as("the table and the 45 added updates").hasSize(312);
        assertThat(TestKb.KB.builds().stream().collect(Collectors.groupingBy(b -> TestKb.KB.productOf(b.number())
                .orElseThrow().family(), Collectors.counting())))
                .containsEntry("2010", 8L).containsEntry("2013", 46L + 13).containsEntry("2016", 97L + 21)
                .containsEntry("2019", 106L + 11).containsEntry("SE", 10L);
    }

    private static List<String> words(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }
}
