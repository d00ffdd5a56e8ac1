package org.exhunt.probe.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.exhunt.kb.BuildNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagesTest {

    @Test
    void theLogonPageGivesTitleAndAssetFolders() {
        OwaPage p = OwaPage.read("<html><head>\n<TITLE>\n  Outlook\n</TITLE><link href=\"/owa/auth/15.1.2106/themes/a.css\">"
                + "<script src=\"/owa/auth/15.1.2176/scripts/b.js\"></script><img src=\"/owa/15.1.2176/x.png\">", null);
        assertThat(p.title()).isEqualTo("Outlook");
        assertThat(p.assetBuilds()).extracting(BuildNumber::toString).containsExactly("15.1.2106", "15.1.2176");
        assertThat(p.newestAssetCu()).contains(BuildNumber.parse("15.1.2176"));
        assertThat(p.isOwa()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "15.1.2176.2  | 15.1.2176.2",
        "' 15.2.986.5 ' | 15.2.986.5",
        "15.1         | ",
        "Version 15.1.2176.2 | ",
        "15.01.2176.002 | 15.1.2176.2",
    })
    void theOwaVersionHeaderIsABuildOrNothing(String header, String build) {
        Optional<BuildNumber> v = OwaPage.read("", header).owaVersion();
        assertThat(v.map(BuildNumber::toString).orElse(null)).isEqualTo(build);
    }

    @Test
    void aPageWithoutOutlookMarksIsNotOwa() {
        OwaPage p = OwaPage.read("<html><head><title>IIS Windows Server</title></head><a href=\"/owa/auth/x/y\">", null);
        assertThat(p.isOwa()).isFalse();
        assertThat(p.assetBuilds()).isEmpty();
    }

    @Test
    void hostilePagesAreReadInLinearTimeWithCappedResults() {
        StringBuilder flood = new StringBuilder("<title>");
        for (int i = 0; i < 20_000; i++) flood.append("/owa/auth/15.1.").append(i % 5000).append("/ /owa/auth/9999999999999999999999/");
        long start = System.nanoTime();
        OwaPage p = OwaPage.read(flood.toString(), null);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(p.assetBuilds()).hasSizeLessThanOrEqualTo(64);
        assertThat(p.title()).isEmpty();
    }

    @Test
    void theExportToolManifestGivesTheFullBuild() {
        String manifest = "<?xml version=\"1.0\"?><asmv1:assembly manifestVersion=\"1.0\">\n"
                + "<assemblyIdentity name=\"microsoft.exchange.ediscovery.exporttool.application\" version=\"15.2.986.5\""
                + " publicKeyToken=\"b03f5f7f11d50a3a\" /></asmv1:assembly>";
        assertThat(ExportToolManifest.version(manifest)).contains(BuildNumber.parse("15.2.986.5"));
        assertThat(ExportToolManifest.version("<assemblyIdentity version=\"x.y\" />")).isEmpty();
        assertThat(ExportToolManifest.version("<assemblyIdentity name=\"a\"")).isEmpty();
        assertThat(ExportToolManifest.version("<html>404</html>")).isEmpty();
    }
}
