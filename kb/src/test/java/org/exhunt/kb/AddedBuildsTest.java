package org.exhunt.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security updates the team's table lacks ({@code added-builds.csv}) are builds like any other, and every CU and
 * update build of CSS-Exchange's build dictionary, an independent list Microsoft keeps, is named by the knowledge
 * base: none is "a build after CUnn that the knowledge base does not list".
 */
class AddedBuildsTest {

    static Stream<Csv.Line> added() {
        return Csv.read("added-builds.csv", TestKb.read("added-builds.csv")).stream();
    }

    static Stream<Csv.Line> healthChecker() {
        return TestKb.resource("healthchecker-builds.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("added")
    void everyAddedBuildAnswersItsOwnUpdateDateAndKb(Csv.Line row) {
        BuildAssessment a = TestKb.assess(row.get("build_short"));

        assertThat(a.placement()).isEqualTo(Placement.EXACT);
        assertThat(a.description()).startsWith(row.get("product") + " " + row.get("update_name") + ", released "
                + row.get("release_date") + " (" + row.get("kb") + ")");
        assertThat(a.known().su()).isNotEmpty().endsWith("SU");
        assertThat(row.get("release_date")).startsWith("201");
        assertThat(TestKb.assess(row.get("build_long")).known()).isEqualTo(a.known());
    }

    /** A 2018 or 2019 update fixes no exploited CVE: the build is exposed exactly as its CU is. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("added")
    void everyAddedBuildIsExposedAsItsCu(Csv.Line row) {
        BuildAssessment a = TestKb.assess(row.get("build_short"));
        BuildAssessment cu = TestKb.KB.builds().stream().filter(b -> b.number().cu().equals(a.build().cu()))
                .findFirst().map(b -> TestKb.KB.assess(b.number())).orElseThrow();

        assertThat(cu.known().su()).isEmpty();
        for (RowExposure r : a.rows()) {
            RowExposure base = cu.row(r.row());
            assertThat(r.exposure()).as(r.row()).isEqualTo(base.exposure());
            assertThat(r.cves()).as(r.row()).isEqualTo(base.cves());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("healthChecker")
    void everyBuildOfCssExchangesDictionaryIsNamed(Csv.Line row) {
        BuildAssessment a = TestKb.assess(row.get("build"));
        String update = row.get("update");
        if (update.startsWith("Sep26")) {
            // released after the knowledge base's table was taken (2026-08-19), without a KB or date in the sources:
            // known from the CU's last update the table has on
            assertThat(a.placement()).isIn(Placement.WITHIN_CU, Placement.NEWER_THAN_KB);
            assertThat(a.known().su()).isEqualTo("Aug26SU");
            return;
        }
        assertThat(a.placement()).as(a.description()).isEqualTo(Placement.EXACT);
        assertThat(a.known().product()).isEqualTo(row.get("product"));
        assertThat(a.known().cu().split(" ")[0]).isEqualTo(cuName(row));
        // Feb19SU is the CU itself (15.2.330.5 is 2019 CU1 and its February 2019 security fixes)
        assertThat(a.known().su()).isEqualTo(update.equals("Feb19SU") ? "" : update);
    }

    /** Exchange 2013 CU4 is the release Microsoft named SP1, as the build table does. */
    private static String cuName(Csv.Line row) {
        return row.get("product").equals("Exchange Server 2013") && row.get("cu").equals("CU4") ? "SP1" : row.get("cu");
    }

    @Test
    void cu14Nov19SuIsNamedWithItsKbDateAndFix() {
        BuildAssessment a = TestKb.assess("15.1.1847.5");

        assertThat(a.description()).isEqualTo("Exchange Server 2016 CU14 Nov19SU, released 2019-11-12 (KB4523171)");
        assertThat(a.known().fixes()).containsExactly("CVE-2019-1373");
    }

    @Test
    void anUpdateCarriesTheFixesOfItsFamilyAndCuAndThoseItsKbFirstFixed() {
        assertThat(TestKb.assess("15.1.2176.9").known().fixes()).as("2016 CU19 Mar21SU: the seven of a current CU")
                .containsExactly("CVE-2021-26412", "CVE-2021-26854", "CVE-2021-26855", "CVE-2021-26857",
                        "CVE-2021-26858", "CVE-2021-27065", "CVE-2021-27078");
        assertThat(TestKb.assess("15.1.1847.12").known().fixes()).as("2016 CU14 Mar21SU: the four of an old CU")
                .containsExactly("CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065");
        assertThat(TestKb.assess("15.0.1497.4").known().fixes()).as("2013 CU23 Nov19SU").containsExactly("CVE-2019-1373");
        assertThat(TestKb.assess("15.2.330.9").known().fixes()).as("2019 has no CVE-2019-1136")
                .containsExactly("CVE-2019-1084", "CVE-2019-1137");
        assertThat(TestKb.assess("15.1.2176.12").known().fixes()).as("Apr21SU: HealthChecker's four and ProxyShell's by KB")
                .contains("CVE-2021-28480", "CVE-2021-34473", "CVE-2021-34523", "CVE-2021-33766");
        assertThat(TestKb.assess("15.1.2176.2").known().fixes()).as("a CU itself").isEmpty();
        assertThat(TestKb.assess("15.1.2507.72").known().fixes()).as("an update HealthChecker does not map").isEmpty();
    }

    @Test
    void theAddedRowsAreExactlyTheUpdatesOf2018And2019TheSharedTableLacks() {
        List<String> shared = TestKb.table().stream().map(l -> l.get("build_short")).toList();
        assertThat(added().map(l -> l.get("build_short"))).doesNotContainAnyElementsOf(shared).hasSize(45);
    }
}
