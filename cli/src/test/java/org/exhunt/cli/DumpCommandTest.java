package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpCommandTest {

    static final String IIS = "#Software: Microsoft Internet Information Services 10.0\r\n"
            + "#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query cs(User-Agent) sc-status\r\n"
            + "2021-08-13 11:31:02 198.51.100.66 GET /autodiscover/autodiscover.json @evil.corp/powershell/?&Email=autodiscover/autodiscover.json%3F@evil.corp python-requests/2.25.1 200\r\n";

    @TempDir
    Path dir;

    static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) if (!l.isEmpty()) nodes.add(new ObjectMapper().readTree(l));
        return nodes;
    }

    @Test
    void printsEachRecordAsOneJsonLine() throws IOException {
        Path log = Files.writeString(dir.resolve("u_ex210813.log"), IIS);
        CliRun run = CliRun.of("dump", "--raw", log.toString());
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        List<JsonNode> records = lines(run.out());
        assertThat(records).hasSize(1);
        JsonNode r = records.get(0);
        assertThat(r.path("type").asText()).isEqualTo("iis");
        assertThat(r.path("time").asText()).isEqualTo("2021-08-13T11:31:02Z");
        assertThat(r.path("source").path("file").asText()).isEqualTo(log.toString());
        assertThat(r.path("source").path("line").asInt()).isEqualTo(3);
        assertThat(r.path("fields").path("cs-uri-query").asText())
                .isEqualTo("@evil.corp/powershell/?&Email=autodiscover/autodiscover.json%3F@evil.corp");
        assertThat(r.path("fields").path("cs(User-Agent)").asText()).isEqualTo("python-requests/2.25.1");
        assertThat(r.path("raw").asText()).startsWith("2021-08-13 11:31:02 198.51.100.66 GET");
    }

    @Test
    void everyLineIsOneJsonObjectFromItsFirstCharacter() throws IOException {
        String second = "2021-08-13 11:31:05 198.51.100.66 GET /owa/ - Mozilla/5.0 200\r\n";
        Path log = Files.writeString(dir.resolve("u_ex210813.log"), IIS + second + second);
        CliRun run = CliRun.of("dump", log.toString());
        // what `jq -c`, `grep '^{'` or a line-by-line reader expects: no separator before an object
        assertThat(run.out().split("\n")).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"type\":\"iis\"").endsWith("}"));
    }

    @Test
    void readsGzipAndDirectoriesSkippingFilesThatAreNoLogs() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("Logging/HttpProxy/Ecp"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(logs.resolve("HttpProxy_2021030306-1.LOG.gz")))) {
            gz.write(("#Software: Microsoft Exchange Server\r\n#Version: 15.01.2176.002\r\n#Log-type: HttpProxy Logs\r\n"
                    + "#Fields: DateTime,ClientIpAddress,AnchorMailbox\r\n"
                    + "2021-03-03T06:49:43.699Z,130.255.189.21,ServerInfo~a]@ex01.contoso.local:444/mapi/emsmdb/?#\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("readme.txt"), "not a log\n");
        CliRun run = CliRun.of("dump", dir.toString());
        assertThat(run.code()).isZero();
        List<JsonNode> records = lines(run.out());
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.path("type").asText()).isEqualTo("exchange-httpproxy");
            assertThat(r.path("fields").path("AnchorMailbox").asText()).startsWith("ServerInfo~a]@");
            assertThat(r.path("fields").path("LogFolder").asText()).isEqualTo("Ecp");
        });
    }

    @Test
    void somethingNotReadMeansExitCode3WithTheProblemsOnStandardError() throws IOException {
        Path log = Files.writeString(dir.resolve("u_ex210813.log"), IIS + "trailing junk\r\n");
        Path other = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        CliRun run = CliRun.of("dump", log.toString(), other.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(lines(run.out())).hasSize(1);
        assertThat(run.err()).contains(log + ":4: line not read").contains("[iis.field-count]")
                .contains(other + ": not a log format exhunt reads [dump.unrecognized]");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRun run = CliRun.of("dump", dir.resolve("nope.log").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such file or directory");
    }

    @Test
    void filesGivesTheFileRecordOfEveryFilePlacedOnTheDriveAsAScanPlacesIt() throws IOException {
        Path shell = dir.resolve("inetpub/wwwroot/aspnet_client/x.aspx");
        Files.createDirectories(shell.getParent());
        Files.writeString(shell, "<%@ Page Language=\"C#\" %>\r\n");
        Files.setLastModifiedTime(shell, FileTime.from(Instant.parse("2021-03-03T06:59:23Z")));
        Files.writeString(dir.resolve("inetpub/readme"), "");

        CliRun run = CliRun.of("dump", "--files", dir.toString());

        assertThat(run.code()).isZero();
        List<JsonNode> records = lines(run.out());
        assertThat(records).extracting(r -> r.path("fields").path("path").asText())
                .containsExactly("C:\\inetpub\\readme", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx");
        JsonNode r = records.get(1);
        assertThat(r.path("type").asText()).isEqualTo("file");
        assertThat(r.path("time").asText()).isEqualTo("2021-03-03T06:59:23Z");
        assertThat(r.path("source").path("file").asText()).isEqualTo(shell.toString());
        assertThat(r.path("fields").path("size").asText()).isEqualTo("27");
        // sha256sum of the same bytes, computed outside Java
        assertThat(r.path("fields").path("sha256").asText())
                .isEqualTo("09c616b4de975f6e02b1b7e1e996159a40bcf74598fe41878034829a48736b55");
        assertThat(r.path("fields").path("head").asText()).isEqualTo("<%@ Page Language=\"C#\" %>\\x0d\\x0a");
    }

    /**
     * Issue 20, item 3: a zip whose end record understates its central directory's size was read as empty, exit 0,
     * while unzip lists it. Its entries are now found from their local headers, and the lie is reported.
     */
    @Test
    void aZipWhoseEndRecordUnderstatesItsDirectoryIsReadFromItsLocalHeadersAndSaidSo() throws IOException {
        org.exhunt.testkit.zip.CraftedZip z = new org.exhunt.testkit.zip.CraftedZip();
        z.add("C/inetpub/wwwroot/aspnet_client/shell.aspx", "<%@ Page Language=\"Jscript\"%>");
        Path zip = Files.write(dir.resolve("triage.zip"), z.directorySizeOffBy(-40).bytes());

        CliRun run = CliRun.of("dump", "--files", zip.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(lines(run.out())).singleElement().satisfies(r ->
                assertThat(r.get("fields").get("path").asText()).isEqualTo("C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx"));
        assertThat(run.err()).contains("the end record declares 1 entry, the central directory lists 0")
                .contains("[archive.central-directory]");
    }
}
