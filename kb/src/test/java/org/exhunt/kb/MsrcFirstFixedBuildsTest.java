package org.exhunt.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Microsoft's own CVE records name the first fixed build of each CU; the knowledge base, which knows only
 * which KB first fixed each CVE and the SU-per-CU logic, must agree: fixed at that build, not fixed at the
 * table's build of another update just before it in the same CU.
 */
class MsrcFirstFixedBuildsTest {

    static Stream<Csv.Line> records() {
        return TestKb.resource("msrc-first-fixed-builds.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void theFirstFixedBuildOfEachCuIsTheOneMicrosoftNames(Csv.Line record) {
        String cve = record.get("cve");
        BuildNumber first = BuildNumber.parse(record.get("first_fixed"));
        BuildAssessment atFix = TestKb.KB.assess(first);

        assertThat(atFix.placement()).isEqualTo(Placement.EXACT);
        assertThat(atFix.description()).contains(record.get("cu").split(" ")[1]);
        assertThat(status(atFix, cve)).isEqualTo(CveStatus.FIXED);

        List<Build> before = TestKb.KB.builds().stream()
                .filter(b -> b.number().cu().equals(first.cu()) && b.number().compareTo(first) < 0)
                .filter(b -> !b.update().equals(atFix.known().update()))
                .toList();
        assertThat(before).as("the table has earlier builds of %s", record.get("cu")).isNotEmpty();
        assertThat(status(TestKb.KB.assess(before.get(before.size() - 1).number()), cve)).isIn(CveStatus.OPEN, CveStatus.UNKNOWN);
    }

    private static CveStatus status(BuildAssessment a, String cve) {
        return a.rows().stream().flatMap(r -> r.cves().stream()).filter(c -> c.cve().equals(cve))
                .findFirst().orElseThrow().status();
    }
}
