package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Stage;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default scan runs the pack's pinned copies of signature-base's web-shell rules besides exhunt's own (issue 19):
 * a shell only signature-base's rule knows is found without {@code --yara}, its finding names the rule's author (DRL
 * 1.1), and when the user gives signature-base too, a rule both hold is reported once.
 */
class PinnedRulesInScanTest {

    /** The shape Volexity's SIMPLESEESHARP rule keys on (2021-03-02): a one-line uploader, written for exhunt, inert. */
    private static final String SIMPLESEESHARP = "<%@ Page Language=\"C#\" %>\r\n<% HttpPostedFile thisFile = Request.Files[0];"
            + "thisFile.SaveAs(Path.Combine(Server.MapPath(\".\"), Path.GetFileName(thisFile.FileName))); %>\r\n";
    private static final String RULE = "WEBSHELL_ASPX_SimpleSeeSharp";

    @TempDir
    Path drive;
    @TempDir
    Path userRules;

    @Test
    void signatureBasesRuleFindsItsShellWithoutAnyOptionAndNamesItsAuthor() throws Exception {
        new TestDrive(drive).write("inetpub/wwwroot/owa-help.aspx", SIMPLESEESHARP);

        List<Finding> found = findings(Hunt.with(RulePack.bundled(), HuntOptions.defaults()).scan("s", List.of(new DirectorySource(drive))));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.meta()).containsEntry("author", "threatintel@volexity.com");
            assertThat(f.stage()).isEqualTo(Stage.POST_EXPLOITATION);
        });
    }

    @Test
    void aRuleTheUserGivesTooIsReportedOnce() throws Exception {
        new TestDrive(drive).write("inetpub/wwwroot/owa-help.aspx", SIMPLESEESHARP);
        Files.write(userRules.resolve("apt_hafnium.yar"), RulePack.bundled().bytes("yara/signature-base/apt_hafnium.yar"));

        Hunt hunt = Hunt.with(RulePack.bundled(), new UserRules(List.of(userRules), List.of(), List.of()), HuntOptions.defaults());

        assertThat(findings(hunt.scan("s", List.of(new DirectorySource(drive))))).hasSize(1);
    }

    private static List<Finding> findings(ServerResult r) {
        return r.findings().stream().filter(f -> f.ruleId().equals(RULE)).toList();
    }
}
