package org.exhunt.hunt.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cmdlet parameters as Exchange's logs write them, read back by name. */
class CmdletParametersTest {

    @Test
    void proxyShellsExportRequestAsTheManagementLogWritesIt() {
        Map<String, String> p = CmdletParameters.parse("-Mailbox \"administrator@contoso.local\" -IncludeFolders \"#Drafts#\""
                + " -ContentFilter \"(Subject -eq 'iitkzk')\" -ExcludeDumpster -FilePath"
                + " \"\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\iitkzk.aspx\"");

        assertThat(p).containsExactly(entry("mailbox", "administrator@contoso.local"), entry("includefolders", "#Drafts#"),
                entry("contentfilter", "(Subject -eq 'iitkzk')"), entry("excludedumpster", "true"),
                entry("filepath", "\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\iitkzk.aspx"));
    }

    @Test
    void colonValuesListsBareValuesDoubledQuotesAndSwitchesAtTheEnd() {
        Map<String, String> p = CmdletParameters.parse("-Name:\"s1\" -ExchangeLocation \"a@contoso.com\",\"b@contoso.com\""
                + " -Status:$true -Query 'it''s' -Bare value -Export");

        assertThat(p).containsExactly(entry("name", "s1"), entry("exchangelocation", "a@contoso.com,b@contoso.com"),
                entry("status", "$true"), entry("query", "it's"), entry("bare", "value"), entry("export", "true"));
    }

    @Test
    void aHyphenInsideAValueOrAWordIsNoParameter() {
        assertThat(CmdletParameters.parse("-Identity \"re-exported -Mailbox x\" -User a-b"))
                .containsExactly(entry("identity", "re-exported -Mailbox x"), entry("user", "a-b"));
    }

    @Test
    void anEcpCommandGivesItsCmdletAndParameters() {
        Map.Entry<String, Map<String, String>> c = CmdletParameters.ecp(
                "New-MailboxExportRequest.Mailbox='ceo@contoso.com'.FilePath='\\\\fs\\x''s.pst'");

        assertThat(c.getKey()).isEqualTo("New-MailboxExportRequest");
        assertThat(c.getValue()).containsExactly(entry("mailbox", "ceo@contoso.com"), entry("filepath", "\\\\fs\\x's.pst"));
        assertThat(CmdletParameters.ecp("Get-Mailbox")).isNull();
    }

    @Test
    void hostileTextReadsInLinearTime() {
        String unclosed = "-A \"" + "x".repeat(2_000_000);
        String hyphens = "- -".repeat(1_000_000);
        long start = System.nanoTime();
        assertThat(CmdletParameters.parse(unclosed)).containsOnlyKeys("a");
        assertThat(CmdletParameters.parse(hyphens)).isEmpty();
        assertThat(CmdletParameters.ecp("x" + ".a=".repeat(500_000))).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
