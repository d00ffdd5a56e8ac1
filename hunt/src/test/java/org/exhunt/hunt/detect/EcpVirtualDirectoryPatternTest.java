package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Test-ProxyLogon's pattern for CVE-2021-27065 in ECP Server logs uses lookaheads, which a linear-time engine
 * (RE2J, what exhunt's Sigma {@code re} runs on) rejects. The rule pack's rewrite without them
 * ({@code rules/sigma/exchange/proxylogon_ecp_set_virtual_directory_script.yml}) must find a match in exactly
 * the lines the original finds one in. The original runs here on java.util.regex, on trusted test lines only.
 */
class EcpVirtualDirectoryPatternTest {

    /** Test-ProxyLogon 2021-03-18; Select-String matches without regard to case. */
    private static final java.util.regex.Pattern ORIGINAL = java.util.regex.Pattern.compile(
            "Set-.+VirtualDirectory.+?(?=Url).+<\\w+.*>(.*?)<\\/\\w+>.+?(?=VirtualDirectory)",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final com.google.re2j.Pattern REWRITE = com.google.re2j.Pattern.compile(
            "Set-.+VirtualDirectory.+Url.*<\\w+.*>.*<\\/\\w+>.+VirtualDirectory", com.google.re2j.Pattern.CASE_INSENSITIVE);

    @Test
    void bothFindTheSameOnRealisticLines() {
        List<String> lines = List.of(
                "2021-03-03T02:15:33.000Z,EX01,ECP.Request,\"S:TIME=1;S:CMD=Set-OabVirtualDirectory.ExternalUrl='http://f/<script language=\"\"JScript\"\" runat=\"\"server\"\">function Page_Load(){eval(Request[\"\"x\"\"],\"\"unsafe\"\");}</script>'.Identity='x';S:URL=/ecp/DDI/DDIService.svc/SetObject?schema=OABVirtualDirectory\"",
                "S:CMD=Set-OabVirtualDirectory.ExternalUrl='https://mail.contoso.com/OAB'.Identity='EX01\\OAB (Default Web Site)';S:URL=/ecp/DDI/DDIService.svc/SetObject?schema=OABVirtualDirectory",
                "S:CMD=set-oabvirtualdirectory.externalurl='<b>x</b>'.Identity='y';S:URL=/ecp/x?schema=OABVirtualDirectory",
                "S:CMD=Set-OwaVirtualDirectory.InternalUrl='http://f/<script>a</script>'",
                "S:CMD=Set-OabVirtualDirectory.ExternalUrl='<script>a</script>';VirtualDirectory",
                "Set-X-VirtualDirectory Url<a></a>xVirtualDirectory",
                "Set-XVirtualDirectoryUrl<a></a>xVirtualDirectory",
                "Set-XVirtualDirectory xUrl<a></a>VirtualDirectory",
                "Set-AVirtualDirectory <a></a> Url x VirtualDirectory",
                "Get-OabVirtualDirectory.ExternalUrl='<script>a</script>' VirtualDirectory",
                "");
        for (String line : lines) {
            assertThat(REWRITE.matcher(line).find()).as(line).isEqualTo(ORIGINAL.matcher(line).find());
        }
    }

    @Test
    void bothFindTheSameOnRandomLinesBuiltFromThePatternsPieces() {
        String[] pieces = {"Set-", "set-", "Oab", "VirtualDirectory", "virtualdirectory", "Url", "URL", "<script>",
            "</script>", "<a b>", "</a>", "<", ">", "/", "x", " ", ".", "'", "=", "\n", "<1>", "</1>"};
        Random random = new Random(20210318);
        int matching = 0;
        for (int i = 0; i < 200_000; i++) {
            // the pattern's own words in order, with random pieces between and around them, some left out
            StringBuilder line = new StringBuilder();
            for (String word : new String[] {"Set-", "VirtualDirectory", "Url", "<script>", "</script>", "VirtualDirectory"}) {
                for (int k = random.nextInt(4); k > 0; k--) line.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(8) > 0) line.append(word);
            }
            for (int k = random.nextInt(4); k > 0; k--) line.append(pieces[random.nextInt(pieces.length)]);
            String s = line.toString();
            boolean original = ORIGINAL.matcher(s).find();
            assertThat(REWRITE.matcher(s).find()).as(s).isEqualTo(original);
            if (original) matching++;
        }
        assertThat(matching).as("the random lines include matches").isGreaterThan(1_000);
    }

    @Test
    void theRuleCarriesTheRewrite() {
        String rule = org.exhunt.hunt.rules.RulePack.bundled().text("sigma/exchange/proxylogon_ecp_set_virtual_directory_script.yml");
        assertThat(rule).contains("EventData|re|i: '" + REWRITE.pattern() + "'");
    }
}
