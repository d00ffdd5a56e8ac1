package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildCommandTest {

    @Test
    void aVulnerableBuildShowsEveryRowWhatFixesItAndTheUpdatePathWithExitCodeFour() throws IOException {
        CliRun run = CliRun.of("build", "15.1.2176.2");
        assertThat(run.code()).isEqualTo(ExitCodes.EXPOSED);
        assertThat(run.out()).isEqualTo(golden("build-15.1.2176.2.txt"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theLongFormIsTheSameBuild() {
        assertThat(CliRun.of("build", "15.01.2176.002").out()).isEqualTo(CliRun.of("build", "15.1.2176.2").out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "15.1.2507.72 | 0 | Known as  Exchange Server 2016 CU23 Aug26SU, released 2026-08-11 (KB5121576)",
        "15.1.1847.5  | 4 | Known as  Exchange Server 2016 CU14 Nov19SU, released 2019-11-12 (KB4523171)",
        "15.1.1847.5  | 4 | SU fixes  CVE-2019-1373",
        "15.2.2562.46 | 0 | Product   Exchange Server SE (supported under the Modern Lifecycle Policy)",
        "14.3.513.0   | 0 | ProxyShell      NOT_AFFECTED  Exchange Server 2010 is not affected",
        "15.1.2176    | 4 | SU        unknown: only the CU was given",
        "15.1.1847.12 | 4 | CVE-2020-0688   UNKNOWN       CU14 Mar21SU does not include the fix of CU14 Feb20SU (15.1.1847.7)",
        "15.1.2507.80 | 0 | Known as  Exchange Server 2016 CU23, newer than the knowledge base of 2026-08-19",
        "15.1.2200.1  | 4 | Known as  Exchange Server 2016, a build the knowledge base does not list, between CU19 May21SU (15.1.2176.14) and CU20 (15.1.2242.4)",
        "16.0.1.1     | 3 | Known as  not a build of a product the knowledge base knows",
        "15.1.2507    | 3 | ProxyNotShell   UNKNOWN       update level unknown: fixed from CU23 Nov22SU (15.1.2507.16) on",
    })
    void exitCodeAndWhatTheBuildIs(String build, int code, String line) {
        CliRun run = CliRun.of("build", build);
        assertThat(run.code()).isEqualTo(code);
        assertThat(run.out()).contains(line);
    }

    @Test
    void aMalformedVersionIsAUsageErrorSayingWhatIsWrong() {
        CliRun run = CliRun.of("build", "15.1.21x6.2");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("exhunt build: '15.1.21x6.2' is not a build number: part 3 '21x6' is not a number");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void jsonCarriesTheBuildEachRowWithItsCvesAndThePath() throws IOException {
        CliRun run = CliRun.of("build", "--format", "json", "15.1.2176.12");
        assertThat(run.code()).isEqualTo(ExitCodes.EXPOSED);
        JsonNode j = new ObjectMapper().readTree(run.out());

        assertThat(j.get("build").asText()).isEqualTo("15.1.2176.12");
        assertThat(j.get("build_long").asText()).isEqualTo("15.01.2176.012");
        assertThat(j.get("placement").asText()).isEqualTo("EXACT");
        assertThat(j.get("product").get("name").asText()).isEqualTo("Exchange Server 2016");
        assertThat(j.get("product").get("end_of_support").asText()).isEqualTo("2025-10-14");
        assertThat(j.get("cu").asText()).isEqualTo("CU19");
        assertThat(j.get("update").get("su").asText()).isEqualTo("Apr21SU");
        assertThat(j.get("update").get("kb").asText()).isEqualTo("KB5001779");
        assertThat(j.get("update").get("released").asText()).isEqualTo("2021-04-13");
        JsonNode shell = j.get("rows").get(1);
        assertThat(shell.get("row").asText()).isEqualTo("ProxyShell");
        assertThat(shell.get("exposure").asText()).isEqualTo("VULNERABLE");
        assertThat(shell.get("fixed_by").get("build").asText()).isEqualTo("15.1.2176.14");
        assertThat(shell.get("cves").toString()).isEqualTo("[{\"cve\":\"CVE-2021-34473\",\"status\":\"FIXED\"},"
                + "{\"cve\":\"CVE-2021-34523\",\"status\":\"FIXED\"},{\"cve\":\"CVE-2021-31207\",\"status\":\"OPEN\"}]");
        assertThat(j.get("rows").get(0).get("fixed_by").isNull()).isTrue();
        assertThat(j.get("update_path").get("latest_update").get("build").asText()).isEqualTo("15.1.2507.72");
        assertThat(j.get("update_path").get("up_to_date").asBoolean()).isFalse();
        assertThat(j.get("knowledge_base").asText()).isEqualTo("2026.08.19");
    }

    @Test
    void jsonForAnUnknownProductHasNoProductAndNoPath() throws IOException {
        JsonNode j = new ObjectMapper().readTree(CliRun.of("build", "--format", "json", "8.3.83.6").out());
        assertThat(j.get("product").isNull()).isTrue();
        assertThat(j.get("update_path").isNull()).isTrue();
        assertThat(j.get("rows")).allSatisfy(r -> assertThat(r.get("exposure").asText()).isEqualTo("UNKNOWN"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = BuildCommandTest.class.getResourceAsStream("golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", System.lineSeparator());
        }
    }
}
