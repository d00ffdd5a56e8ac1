package org.exhunt.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.exhunt.core.Exposure;
import org.exhunt.core.facts.Support;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Builds in and out of the table. Exposures are written per row in report order (ProxyLogon, ProxyShell,
 * ProxyNotShell, CVE-2020-0688, CVE-2021-42321, CVE-2021-33766, CVE-2021-31196) as one letter each:
 * P patched, V vulnerable, N not affected, U unknown.
 */
class AssessTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // in the table
        "15.1.2176.2   | EXACT           | VVVPVVV | Exchange Server 2016 CU19, released 2020-12-15 (KB4588884)",
        "15.01.2176.002| EXACT           | VVVPVVV | Exchange Server 2016 CU19, released 2020-12-15",
        "15.1.2176.12  | EXACT           | PVVPVPV | Exchange Server 2016 CU19 Apr21SU",
        "15.1.2507.72  | EXACT           | PPPPPPP | Exchange Server 2016 CU23 Aug26SU, released 2026-08-11",
        "15.0.1497.48  | EXACT           | PPPPNPP | Exchange Server 2013 CU23 Mar23SU",
        "14.3.509.0    | EXACT           | VNNPNNN | Exchange Server 2010 SP3 Update Rollup 31",
        "14.3.513.0    | EXACT           | PNNPNNN | Exchange Server 2010 SP3 Update Rollup 32",
        "15.2.221.12   | EXACT           | VVVVVVV | Exchange Server 2019 RTM, released 2018-10-22",
        "15.2.2562.17  | EXACT           | PPPPPPP | Exchange Server SE RTM, released 2025-07-01",
        "15.1.1847.12  | EXACT           | PVVUVVV | Exchange Server 2016 CU14 Mar21SU",
        "15.1.1979.8   | EXACT           | PVVPVVV | Exchange Server 2016 CU16 Mar21SU",
        "15.1.1415.8   | EXACT           | PVVVVVV | Exchange Server 2016 CU8 Mar21SU, released 2021-03 (KB5000871)",
        // within a known CU
        "15.1.2176.10  | WITHIN_CU       | PVVPVVV | Exchange Server 2016 CU19, a build after CU19 Mar21SU (15.1.2176.9) that the knowledge base does not list",
        "15.1.2176.13  | WITHIN_CU       | PVVPVPV | after CU19 Apr21SU (15.1.2176.12)",
        "15.1.1847.13  | WITHIN_CU       | PVVUVVV | after CU14 Mar21SU (15.1.1847.12)",
        // only the CU known
        "15.1.2176     | CU_ONLY         | UUVPVUV | Exchange Server 2016 CU19 (update level unknown)",
        "15.1.2507     | CU_ONLY         | PPUPPPP | Exchange Server 2016 CU23 (update level unknown)",
        "15.1.1847     | CU_ONLY         | UVVUVVV | Exchange Server 2016 CU14 (update level unknown)",
        "14.3.513      | CU_ONLY         | PNNPNNN | Exchange Server 2010 Update Rollup 32 (update level unknown)",
        // between known builds
        "15.1.2200.1   | BETWEEN_BUILDS  | UVVPVVV | between CU19 May21SU (15.1.2176.14) and CU20 (15.1.2242.4)",
        "15.1.2176.1   | BETWEEN_BUILDS  | VVVPVVV | between CU18 Mar21SU (15.1.2106.13) and CU19 (15.1.2176.2)",
        "15.1.2200     | BETWEEN_BUILDS  | UVVPVVV | a build the knowledge base does not list",
        // older and newer than the table
        "14.2.247.5    | OLDER_THAN_KB   | VNNVNNN | Exchange Server 2010, older than any build the knowledge base lists (the oldest is Update Rollup 25 (14.3.435.0))",
        "15.0.500.1    | OLDER_THAN_KB   | VVVVNVV | Exchange Server 2013, older than any build",
        "15.1.2507.80  | NEWER_THAN_KB   | PPPPPPP | Exchange Server 2016 CU23, newer than the knowledge base of 2026-08-19 (its latest build is CU23 Aug26SU (15.1.2507.72))",
        "15.2.1748.50  | NEWER_THAN_KB   | PPPPPPP | Exchange Server 2019 CU15, newer than the knowledge base of 2026-08-19",
        "15.2.2600.1   | NEWER_THAN_KB   | PPPPPPP | Exchange Server SE, newer than the knowledge base of 2026-08-19",
        "15.2.2000.1   | NEWER_THAN_KB   | PPPPPPP | Exchange Server 2019, newer than the knowledge base of 2026-08-19 (its latest build is CU15 Aug26SU (15.2.1748.49))",
        // unknown products
        "16.0.1.1      | UNKNOWN_PRODUCT | UUUUUUU | not a build of a product the knowledge base knows",
        "15.3.0.0      | UNKNOWN_PRODUCT | UUUUUUU | not a build of a product the knowledge base knows",
        "8.3.83.6      | UNKNOWN_PRODUCT | UUUUUUU | Exchange 2007 and older are not covered",
    })
    void aBuildIsPlacedAndEachRowAnswered(String build, Placement placement, String exposures, String description) {
        BuildAssessment a = TestKb.assess(build);
        assertThat(a.placement()).isEqualTo(placement);
        assertThat(letters(a)).as(a.dump()).isEqualTo(exposures);
        assertThat(a.description()).contains(description);
        assertThat(a.rows()).extracting(RowExposure::row).containsExactly("ProxyLogon", "ProxyShell", "ProxyNotShell",
                "CVE-2020-0688", "CVE-2021-42321", "CVE-2021-33766", "CVE-2021-31196");
        assertThat(a.kbVersion()).isEqualTo("2026.08.19");
    }

    private static String letters(BuildAssessment a) {
        StringBuilder s = new StringBuilder();
        for (RowExposure r : a.rows()) s.append(r.exposure().name().charAt(r.exposure() == Exposure.NOT_AFFECTED ? 4 : 0));
        return s.toString().replace('A', 'N');
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "15.1.2176.2  | ProxyLogon     | fixed by CU19 Mar21SU (15.1.2176.9, KB5000871, 2021-03-02)",
        "15.1.2176.2  | ProxyNotShell  | no update for CU19 fixes it; first fixed in CU22 Nov22SU (15.1.2375.37, KB5019758, 2022-11-08)",
        "15.1.2176.2  | CVE-2020-0688  | fixed: CU19 includes the fixes",
        "15.1.2176.12 | ProxyShell     | open: CVE-2021-31207; fixed by CU19 May21SU (15.1.2176.14, KB5003435, 2021-05-11)",
        "15.1.2176.12 | ProxyLogon     | fixed since CU19 Mar21SU (15.1.2176.9)",
        "15.1.2176    | ProxyLogon     | update level unknown: fixed from CU19 Mar21SU (15.1.2176.9) on",
        "15.1.1847.12 | CVE-2020-0688  | CU14 Mar21SU does not include the fix of CU14 Feb20SU (15.1.1847.7): fixed only if that update was installed before it",
        "14.3.513.0   | ProxyLogon     | fixed: Update Rollup 32 includes the fixes; CVE-2021-26855, CVE-2021-26858, CVE-2021-27065 not applicable to Exchange Server 2010",
        "14.3.513.0   | ProxyShell     | Exchange Server 2010 is not affected",
        "15.0.1497.48 | CVE-2021-42321 | Exchange Server 2013 is not affected",
        "15.1.2200.1  | ProxyLogon     | cannot tell for a build the knowledge base does not list; known fixed from CU20 (15.1.2242.4) on",
        "15.1.2242.4  | ProxyLogon     | fixed: CU20 includes the fixes",
        "15.1.225.42  | ProxyLogon     | no update for RTM fixes it; first fixed in CU8 Mar21SU (15.1.1415.8, KB5000871, 2021-03)",
    })
    void eachRowSaysWhatIsMissingAndWhatFixesIt(String build, String row, String reason) {
        assertThat(TestKb.assess(build).row(row).reason()).isEqualTo(reason);
    }

    @Test
    void theUpdatePathIsTheLatestCuThenItsLatestUpdate() {
        UpdatePath old = TestKb.assess("15.1.2176.2").updatePath();
        assertThat(old.latestCu().number()).hasToString("15.1.2507.6");
        assertThat(old.latestUpdate().number()).hasToString("15.1.2507.72");
        assertThat(old.upToDate()).isFalse();
        assertThat(old.describe()).isEqualTo("CU23 (15.1.2507.6, KB5011155, 2022-04-20), then CU23 Aug26SU (15.1.2507.72,"
                + " KB5121576, 2026-08-11)");
        assertThat(TestKb.assess("15.1.2507.72").updatePath().upToDate()).isTrue();
        assertThat(TestKb.assess("15.1.2507").updatePath().upToDate()).isFalse();
        assertThat(TestKb.assess("15.2.2562.20").updatePath().latestUpdate().number()).hasToString("15.2.2562.46");
        assertThat(TestKb.assess("14.3.496.0").updatePath().describe()).isEqualTo("Update Rollup 32 (14.3.513.0, KB5000978, 2021-03-02)");
        assertThat(TestKb.assess("16.0.1.1").path()).isEmpty();
    }

    @Test
    void productsCarryTheirSupportStatus() {
        assertThat(TestKb.assess("15.0.1497.48").product().supportEnded()).contains(LocalDate.of(2023, 4, 11));
        assertThat(BuildFactsOf.support(TestKb.assess("15.1.2507.72").product())).isEqualTo(new Support("Exchange Server 2016",
                LocalDate.of(2025, 10, 14), "later updates are for Extended Security Update customers only"));
        assertThat(TestKb.assess("15.2.1748.49").product().name()).isEqualTo("Exchange Server 2019");
        assertThat(TestKb.assess("15.2.2562.46").product().supportEnded()).isEmpty();
        assertThat(TestKb.assess("14.3.513.0").product().supportEnded()).contains(LocalDate.of(2020, 10, 13));
    }

    @Test
    void everyRowKnowsWhenItWasFirstExploitedAndWho() {
        assertThat(TestKb.KB.row("ProxyLogon").orElseThrow().firstExploited()).isEqualTo(LocalDate.of(2021, 1, 6));
        assertThat(TestKb.KB.row("ProxyShell").orElseThrow().firstExploited()).isEqualTo(LocalDate.of(2021, 8, 5));
        assertThat(TestKb.KB.row("ProxyNotShell").orElseThrow().firstExploited()).isEqualTo(LocalDate.of(2022, 8, 1));
        assertThat(TestKb.KB.rows()).allSatisfy(r -> {
            assertThat(r.firstExploitedSource()).isNotBlank();
            assertThat(r.firstExploited()).isBefore(TestKb.KB.asOf());
        });
    }
}
