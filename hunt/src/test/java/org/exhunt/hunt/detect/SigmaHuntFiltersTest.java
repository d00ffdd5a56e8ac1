package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.MapRecord;
import org.exhunt.core.SourceRef;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --filters} in a scan reach the pack's rules that wait for the server's install path, which are compiled
 * per server apart from the others (issue 6).
 */
class SigmaHuntFiltersTest {

    private static final RulePack PACK = RulePack.bundled();
    private static final String INSTALL = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\";
    /** The pack's OAB download rule: it names %ExchangeInstallPath%, so it runs per server. */
    private static final String OAB_WRITE = "2b912667-518e-4180-b74e-bb7852054a19";

    @TempDir
    Path tmp;

    private static MapRecord oabDownloadFailed(String path) {
        return new MapRecord("exchange-oabgenerator",
                Map.of("Message", "Download failed and temporary file '" + path + "' needs to be removed"),
                "", Instant.parse("2021-03-03T05:00:00Z"), SourceRef.line("OABGeneratorLog.LOG", 1));
    }

    @Test
    void aFilterOnARulePerServerIsAppliedThereWithoutAWarning() throws IOException {
        Path filter = Files.writeString(tmp.resolve("backup.yml"), """
                title: Our backup agent's staging share
                id: 1e0f6c1d-7a52-4a39-9d4b-5c2b2f0d9e11
                logsource: {product: exchange, service: oabgenerator}
                filter:
                    rules: [%s]
                    backup:
                        Message|contains: '\\\\backup01\\oabstage\\'
                    condition: backup
                """.formatted(OAB_WRITE));
        List<Diagnostic> problems = new ArrayList<>();
        ChainAttribution attribution = new ChainAttribution(PACK.knowledgeBase().rows(), PACK.text(ChainAttribution.FILE),
                problems::add);
        SigmaHunt hunt = SigmaHunt.load(PACK, List.of(), List.of(filter), attribution, problems::add);
        SigmaDetector detector = hunt.forServer(INSTALL, problems::add);
        assertThat(problems).isEmpty();
        assertThat(hunt.filters()).extracting(f -> f.id()).containsExactly("1e0f6c1d-7a52-4a39-9d4b-5c2b2f0d9e11");

        List<Finding> found = new ArrayList<>();
        detector.examine(oabDownloadFailed("\\\\backup01\\oabstage\\oab.tmp"), found::add);
        assertThat(found).as("tuned out").isEmpty();
        detector.examine(oabDownloadFailed("\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\shell.aspx"), found::add);
        assertThat(found).extracting(Finding::ruleId).containsExactly(OAB_WRITE);
    }
}
