package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 9: what the user names is what is read (a PATH given as a link to a folder or a file), and a file
 * whose name is not UTF-8 is reported under a name that finds it, in every format.
 */
class EvidencePathsTest {

    private static final String CHOPPER = "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"z\"],\"unsafe\");%>";

    @TempDir
    Path tmp;

    @Test
    void aPathThatIsALinkToAFolderIsReadAsThatFolder() throws IOException {
        Path image = Examples.copyWithTheirTimes("hafnium-webshell", tmp.resolve("image"));
        Path link = Files.createSymbolicLink(tmp.resolve("evlink"), image);

        CliRun viaLink = CliRun.of("scan", link.toString());

        assertThat(viaLink.code()).as(viaLink.out()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(viaLink.out()).containsPattern("(?m)^evlink +Post-exploitation +not assessed +COMPROMISED ")
                .contains("at " + link.resolve("inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx"))
                .doesNotContain("symbolic link not followed");
    }

    @Test
    void aPathThatIsALinkToAFileIsReadAsThatFile() throws IOException {
        Path page = Files.writeString(tmp.resolve("page.aspx"), CHOPPER);
        Path link = Files.createSymbolicLink(tmp.resolve("suspect.aspx"), page);

        CliRun run = CliRun.of("dump", "--files", link.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        // the file's size, not the link's
        assertThat(run.out()).contains("\"size\":\"" + CHOPPER.length() + "\"");
    }

    @Test
    void aFileNameThatIsNotUtf8IsReportedSoThatItCanBeFound() throws Exception {
        Path image = Examples.copyWithTheirTimes("clean", tmp.resolve("image"));
        Path folder = image.resolve("inetpub/wwwroot/aspnet_client");
        Path shell = Files.writeString(tmp.resolve("shell.aspx"), CHOPPER);
        // Java cannot spell the byte 0xff in a file name; bash can
        assertThat(bash("cp \"$1\" \"$2/$(printf 'a\\377b.aspx')\"", shell.toString(), folder.toString())).isZero();
        Path prefix = tmp.resolve("report");

        CliRun run = CliRun.of("scan", "--format", "console,jsonl,csv,html,sarif", "-o", prefix.toString(), image.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.COMPROMISE);
        String exact = folder + "/a\\xffb.aspx";
        List<JsonNode> findings = JsonlResult.ofType(JsonlResult.lines(Path.of(prefix + ".jsonl")), "finding");
        JsonNode chopper = findings.stream().filter(f -> f.get("rule_id").asText().equals("EXHUNT_Chopper_JScript_Eval"))
                .findFirst().orElseThrow();
        assertThat(chopper.get("source").get("file").asText()).isEqualTo(exact);
        assertThat(chopper.toString()).contains("C:\\\\inetpub\\\\wwwroot\\\\aspnet_client\\\\a\\\\xffb.aspx");
        // bash's $'...' quoting reads the name back: the reported path finds the file
        assertThat(bash("test -f \"$(printf '%b' \"$1\")\"", exact)).isZero();
        for (String format : List.of("txt", "csv", "html")) {
            String report = Files.readString(Path.of(prefix + "." + format), StandardCharsets.UTF_8);
            assertThat(report).as(format).contains("a\\xffb.aspx").doesNotContain("\uFFFD");
        }
        assertThat(Files.readString(Path.of(prefix + ".sarif"))).contains("aspnet_client/a%FFb.aspx")
                .doesNotContain("%EF%BF%BD");
    }

    private static int bash(String script, String... args) throws Exception {
        String[] command = new String[4 + args.length];
        command[0] = "bash";
        command[1] = "-c";
        command[2] = script;
        command[3] = "bash"; // $0
        System.arraycopy(args, 0, command, 4, args.length);
        Process p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
