package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.exhunt.hunt.detect.PageCode.Kind;
import org.exhunt.hunt.detect.PageCodeAudit.Capability;
import org.exhunt.hunt.detect.PageCodeAudit.Hit;
import org.exhunt.testkit.image.StockPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What counts as server-side code in a page, and which of it no stock Exchange page has: only code is read (markup and
 * client script may say anything), the ways round a plain text search (comments, Unicode escapes, case, UTF-16) are
 * none, and the lines that made a finding are given with their numbers.
 */
class PageCodeAuditTest {

    private static final String PAGE = "<%@ Page Language=\"C#\" %>\r\n";

    @Test
    void stockPagesHaveNoSuchCode() {
        StockPages.PAGES.values().stream().flatMap(List::stream).forEach(name -> assertThat(
                PageCodeAudit.hits(PageCode.text(StockPages.page(name)), Kind.PAGE).total()).as(name).isZero());
    }

    @Test
    void markupClientScriptDirectivesAndServerCommentsAreNotCode() {
        String page = PAGE + "<%@ Import Namespace=\"System.Diagnostics\" %>\r\n"
                + "<p>Process.Start(\"cmd.exe\") is how a shell starts</p>\r\n"
                + "<script type=\"text/javascript\">eval(location.hash); new ActiveXObject(\"WScript.Shell\");</script>\r\n"
                + "<%-- Process.Start(\"cmd.exe\"); File.WriteAllText(x, y); --%>\r\n"
                + "<asp:Label runat=\"server\" Text=\"<%$ Resources: Strings, Process.Start %>\" />\r\n"
                + "<%# Eval(\"Name\") %> <%# DataBinder.Eval(Container.DataItem, \"Title\") %>\r\n";
        assertThat(hits(page, Kind.PAGE)).isEmpty();
    }

    @Test
    void codeBlocksScriptRunatServerAndXsltScriptAreCode() {
        String page = PAGE
                + "<script>var a = \"<%= System.Diagnostics.Process.Start(\"cmd.exe\") %>\";</script>\r\n"   // line 2
                + "<!-- <% Response.Write(new System.Net.Sockets.TcpClient(\"10.0.0.1\", 80)); %> -->\r\n"  // line 3
                + "<SCRIPT LANGUAGE=C# RUNAT=SERVER>\r\n"
                + "void Page_Load() { System.IO.File.WriteAllBytes(Request[\"p\"], Request.BinaryRead(9)); }\r\n" // line 5
                + "</SCRIPT>\r\n"
                + "<msxsl:script language=\"JScript\" implements-prefix=\"x\">\r\n"
                + "function f() { eval(System.Web.HttpContext.Current.Request.Item['a'], 'unsafe'); }\r\n"     // line 8
                + "</msxsl:script>\r\n";
        assertThat(hits(page, Kind.PAGE)).extracting(Hit::line, Hit::capability).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, Capability.PROCESS),
                org.assertj.core.groups.Tuple.tuple(3, Capability.NETWORK),
                org.assertj.core.groups.Tuple.tuple(5, Capability.FILE_WRITE),
                org.assertj.core.groups.Tuple.tuple(8, Capability.EVAL));
    }

    @Test
    void aHandlerIsCodeAfterItsDirective() {
        String handler = "<%@ WebHandler Language=\"C#\" Class=\"H\" %>\r\nusing System.Reflection;\r\n"
                + "public class H : System.Web.IHttpHandler { public void ProcessRequest(System.Web.HttpContext c) {\r\n"
                + "  Assembly.Load(System.Convert.FromBase64String(c.Request.Form[\"k\"])).CreateInstance(\"X\"); }\r\n"
                + "  public bool IsReusable { get { return false; } } }\r\n";
        assertThat(hits(handler, Kind.HANDLER)).extracting(Hit::line, Hit::capability).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, Capability.CODE_LOADING),
                org.assertj.core.groups.Tuple.tuple(4, Capability.CODE_LOADING));
        assertThat(hits("<%@ WebHandler Language=\"C#\" Class=\"Microsoft.Exchange.Handler\" %>", Kind.HANDLER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<% System.Diagnostics.Process/* */.Start(\"cmd.exe\", Request[\"c\"]); %>",
        "<% System.Diagnostics.\\u0050rocess.Start(\"cmd.exe\", Request[\"c\"]); %>",
        "<% var a = \"/*\"; System.Diagnostics.Process.Start(\"cmd.exe\", Request[\"c\"]); var b = \"*/\"; %>",
        "<% SYSTEM.DIAGNOSTICS.PROCESS.START(\"cmd.exe\") %>",
        "<% System.Diagnostics.Process\r\n    .Start(\r\n \"cmd.exe\") %>",
        "<% Dim p = System.Diagnostics.Process _\r\n    .Start(\"cmd.exe\") %>",
        "<script runat=server>void Page_Load(){ new System.Diagnostics.Process(); }</script>",
        "<script language='c#' runat='server'>void Page_Load(){ new System.Diagnostics.Process(); }</script>",
    })
    void waysRoundAPlainSearchAreNone(String code) {
        assertThat(hits(PAGE + code, Kind.PAGE)).extracting(Hit::capability).isNotEmpty().containsOnly(Capability.PROCESS);
    }

    @Test
    void aPageSavedAsUtf16IsReadAsSuch() {
        byte[] text = (PAGE + "<% eval(Request.Item[\"z\"], \"unsafe\"); %>").getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(text, 0, withBom, 2, text.length);
        assertThat(PageCodeAudit.hits(PageCode.text(withBom), Kind.PAGE).shown()).extracting(Hit::capability)
                .containsExactly(Capability.EVAL);
    }

    @Test
    void jscriptsEvalCountsButDataBindingsEvalOfAFieldNameDoesNot() {
        assertThat(hits(PAGE + "<%# Eval(\"Subject\") %>", Kind.PAGE)).isEmpty();
        assertThat(hits(PAGE + "<%# Eval(Request[\"x\"]) %>", Kind.PAGE)).extracting(Hit::capability).containsExactly(Capability.EVAL);
        assertThat(hits("<%@ Page Language=\"JScript\" %><% var x = eval(Request.Form(\"x\")); %>", Kind.PAGE)).hasSize(1);
    }

    @Test
    void aFindingShowsTheFirstLinesAndCountsTheRest() {
        StringBuilder page = new StringBuilder(PAGE + "<%\r\n");
        for (int i = 0; i < 20; i++) page.append("System.IO.File.Move(x, y); System.IO.File.Copy(a, b);\r\n");
        page.append("%>");
        PageCodeAudit.Hits hits = PageCodeAudit.hits(page.toString(), Kind.PAGE);
        assertThat(hits.total()).isEqualTo(40);
        assertThat(hits.shown()).hasSize(PageCodeAudit.LINES_SHOWN).first().extracting(Hit::line).isEqualTo(3);
    }

    @Test
    void hostileShapesAreReadInLinearTime() {
        String unclosed = PAGE + "<% ".repeat(300_000);
        String scripts = "<script runat=server>".repeat(100_000);
        String clientScripts = "<script>".repeat(200_000);
        String unclosedComments = PAGE + "<% /* %>".repeat(300_000) + "<% Process.Start(a) %>";
        String longLine = PAGE + "<% " + "x".repeat(8_000_000) + " Process.Start(a) %>";
        String decoys = PAGE + "<% " + "eval(\"x\") Process.Start(a) ".repeat(500_000) + "%>";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(PageCodeAudit.hits(unclosed, Kind.PAGE).total()).isZero();
            assertThat(PageCodeAudit.hits(scripts, Kind.PAGE).total()).isZero();
            assertThat(PageCodeAudit.hits(clientScripts, Kind.PAGE).total()).isZero();
            assertThat(PageCodeAudit.hits(unclosedComments, Kind.PAGE).total()).isEqualTo(1);
            PageCodeAudit.Hits dense = PageCodeAudit.hits(decoys, Kind.PAGE);
            assertThat(dense.total()).isEqualTo(500_000);
            assertThat(dense.shown()).singleElement().extracting(Hit::line).isEqualTo(2);
            assertThat(PageCodeAudit.hits(longLine, Kind.PAGE).shown()).singleElement()
                    .satisfies(h -> assertThat(h.excerpt()).hasSizeLessThan(200).contains("Process.Start"));
        });
    }

    private static List<Hit> hits(String text, Kind kind) {
        return PageCodeAudit.hits(text, kind).shown();
    }
}
