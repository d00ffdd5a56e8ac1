package org.exhunt.hunt.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.FileFacts;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;

class IocCsvTest {

    private static final String SECCHECKER = "b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0";
    private static final Set<String> CHAINS = Set.of("ProxyLogon", "ProxyShell");

    private final List<Diagnostic> problems = new ArrayList<>();
    private final IocSet set = new IocSet();

    @Test
    void everyBundledListLoadsCleanlyWithItsPublishedIndicators() {
        RulePack pack = RulePack.bundled();
        int total = 0;
        for (String file : pack.list("ioc/")) {
            total += IocCsv.load("exhunt.ioc.x", file, pack.text(file), Set.of("ProxyLogon"), set, problems::add);
        }
        assertThat(problems).isEmpty();
        assertThat(total).isEqualTo(15 + 16 + 15 + 7); // sha256, names, addresses, paths
        assertThat(matching("inetpub/wwwroot/aspnet_client/x.aspx", new FileDigests(SECCHECKER.toLowerCase(), null, null)))
                .singleElement().satisfies(i -> assertThat(i.source().name()).isEqualTo("SecChecker web shell"));
        assertThat(set.matching("167.99.168.251")).singleElement()
                .satisfies(a -> assertThat(a.source().chain()).isEqualTo("ProxyLogon"));
        assertThat(set.matching("167.99.168.252")).isEmpty();
        assertThat(matching("Windows/Temp/cw.exe", FileDigests.NONE)).singleElement()
                .satisfies(i -> assertThat(i.source().stage()).isEqualTo(Stage.POST_EXPLOITATION));
        assertThat(matching("ProgramData/VSPerfMon/sub/x.exe", FileDigests.NONE)).hasSize(1);
        assertThat(matching("ProgramData/VSPerfMonX/x.exe", FileDigests.NONE)).isEmpty();
        assertThat(matching("inetpub/wwwroot/aspnet_client/HELP.ASPX", FileDigests.NONE)).hasSize(1);
        assertThat(matching("inetpub/wwwroot/aspnet_client/helpdesk.aspx", FileDigests.NONE)).isEmpty();
    }

    @Test
    void eachKindOfListReadsItsValues() {
        load("sha1,name\n" + "a".repeat(40) + ",one\n");
        load("md5,name,stage\n" + "B".repeat(32) + ",two,context\n");
        load("url,name,chain\nhttps://mail.example.com/owa/auth/X.ashx?a=1,three,ProxyShell\n");
        load("ip\n2001:db8::/48\n");
        load("path,name\n%ProgramData%\\stage\\,four\n");
        assertThat(problems).isEmpty();
        assertThat(set.needsSha1()).isTrue();
        assertThat(set.needsMd5()).isTrue();
        assertThat(set.requested("/OWA/auth/x.ashx")).singleElement()
                .satisfies(u -> assertThat(u.source().chain()).isEqualTo("ProxyShell"));
        assertThat(set.matching("2001:db8:0:1::9")).hasSize(1);
        assertThat(matching("ProgramData/stage/a/b.7z", FileDigests.NONE)).singleElement()
                .satisfies(i -> assertThat(i.source().name()).isEqualTo("four"));
        assertThat(set.matching(facts('C', "x/y.bin", 1), new FileDigests(null, null, "b".repeat(32)))).hasSize(1);
    }

    @Test
    void reportsEachBadLineWithItsPositionAndKeepsTheRest() {
        int loaded = IocCsv.load("exhunt.ioc.user.mine", "mine.csv", String.join("\n",
                "# my list",
                "sha256,name,campaign,source,colour",
                SECCHECKER + ",shell,X,me,red",
                "1234,short,X,me,red",
                SECCHECKER + ",too,many,columns,here,x",
                "\"" + SECCHECKER + ",unterminated,X,me,red"), CHAINS, set, problems::add);

        assertThat(loaded).isEqualTo(1);
        assertThat(problems).extracting(Diagnostic::toString).containsExactly(
                "mine.csv:2: unknown column 'colour' ignored (known: name, campaign, chain, stage, source) [ioc.column]",
                "mine.csv:4: a SHA-256 has 64 hex digits, not: 1234 [ioc.value]",
                "mine.csv:5: expected 5 columns (sha256,name,campaign,source,colour), found 6 [ioc.columns]",
                "mine.csv:6: unterminated quoted field [ioc.quote]");
    }

    @Test
    void refusesUnknownKindsChainsStagesAndValues() {
        load("hostname,name\nevil.example,x\n");
        load("ip,chain,stage\n192.0.2.1,ProxyToken,attempt\n192.0.2.2,ProxyLogon,maybe\n192.0.2.300,,\n");
        load("path\nrelative\\file.exe\nC:\\..\\x\n%TEMP%\\x.exe\n");
        load("filename\nfolder\\x.aspx\n");
        load("# nothing but a comment\n");
        assertThat(problems).extracting(d -> d.code() + " " + d.where().line()).containsExactly(
                "ioc.header 1", "ioc.value 2", "ioc.value 3", "ioc.value 4", "ioc.value 2", "ioc.value 3",
                "ioc.value 4", "ioc.value 2", "ioc.empty -1");
        assertThat(problems.get(1).message()).startsWith("unknown chain 'ProxyToken'");
        assertThat(problems.get(2).message()).startsWith("unknown stage 'maybe'");
        assertThat(set.isEmpty()).isTrue();
    }

    private void load(String csv) {
        IocCsv.load("exhunt.ioc.user.t", "t.csv", csv, CHAINS, set, problems::add);
    }

    private List<FileIndicator> matching(String drivePath, FileDigests digests) {
        return set.matching(facts('C', drivePath, 100), digests);
    }

    /** A listed file as the matching sees it (times and where it was read do not matter to indicators). */
    private static FileFacts facts(char drive, String drivePath, long size) {
        return new FileFacts(drive, drivePath, SourceRef.file(drivePath), size, null, null, null);
    }
}
