package org.exhunt.hunt.ioc.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.FileFacts;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.IndicatorCounts;
import org.exhunt.hunt.ioc.FileDigests;
import org.exhunt.hunt.ioc.IocSet;
import org.junit.jupiter.api.Test;

class StixBundleTest {

    private static final String SECCHECKER = "b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0";

    private final List<Diagnostic> problems = new ArrayList<>();
    private final IocSet set = new IocSet();

    @Test
    void readsTheIndicatorsOfACisaStyleBundleAndReportsEveryOneItCannotUse() throws IOException {
        int loaded = load("aa21-062a-like.json");

        assertThat(loaded).isEqualTo(5);
        assertThat(set.counts()).isEqualTo(new IndicatorCounts(2, 3, 1));
        assertThat(problems).extracting(d -> d.level() + " " + d.code() + " " + d.where()).containsExactly(
                "ERROR stix.pattern aa21-062a-like.json:92#indicator--5fa1f243-b05f-4dcf-9f9f-6f7e8d9cabbf",
                "ERROR stix.pattern-type aa21-062a-like.json:103#indicator--6fb2f354-c16f-4edf-afaf-7f8e9dacbcc0",
                "INFO stix.revoked aa21-062a-like.json:114#indicator--7fc3f465-d27f-4eff-bfbf-8f9eaebdcdd1",
                "INFO stix.other-objects aa21-062a-like.json");
        assertThat(problems.get(0).message()).startsWith("pattern column 36: exhunt cannot match process:command_line"
                + " = 'procdump -ma lsass.exe': exhunt matches file, ipv4-addr, ipv6-addr, network-traffic (client) and url"
                + " objects: not loaded (...").contains("'] OR [ --> process:command_line");
        assertThat(problems.get(3).message()).isEqualTo(
                "objects that are not indicators were not used: {identity=1, malware=1, marking-definition=1, relationship=1}");
    }

    @Test
    void aFileIndicatorHoldsOnlyWhenAllItsPartsDo() throws IOException {
        load("aa21-062a-like.json");
        FileDigests digests = new FileDigests(SECCHECKER, "0123456789abcdef0123456789abcdef01234567",
                "0123456789abcdef0123456789abcdef");
        assertThat(set.needsMd5()).isFalse(); // the SHA-256 indexes it; MD5 and SHA-1 are checked with it
        FileFacts secChecker = file('C', "inetpub/wwwroot/aspnet_client/SecChecker.aspx", 1127);
        assertThat(set.matching(secChecker, digests)).singleElement().satisfies(i -> {
            assertThat(i.source().ruleId()).isEqualTo("indicator--0b5cbd9e-6c0e-4f7e-8b4f-1f2e3d4c5b6a");
            assertThat(i.source().name()).isEqualTo("SecChecker web shell");
            assertThat(i.source().reference()).isEqualTo("https://www.cisa.gov/news-events/cybersecurity-advisories/aa21-062a");
        });
        assertThat(set.matching(file('C', "inetpub/wwwroot/aspnet_client/other.aspx", 1127), digests))
                .as("STIX AND: the name is part of the indicator").isEmpty();
        assertThat(set.matching(file('D', "x/ERROREEE.ASPX", 1), FileDigests.NONE)).hasSize(1);
        assertThat(set.matching("2001:db8:dead:1::1")).hasSize(1);
        assertThat(set.matching("203.0.113.77")).hasSize(1);
        assertThat(set.matching("192.0.2.99")).as("revoked").isEmpty();
        assertThat(set.requested("/owa/auth/pxh4hg1v.ashx")).hasSize(1);
    }

    @Test
    void brokenJsonIsReportedWhereItBreaksAndWhatCameBeforeIsKept() throws IOException {
        int loaded = load("broken.json");
        assertThat(loaded).isEqualTo(1);
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("stix.json");
            assertThat(d.where().line()).isEqualTo(9);
            assertThat(d.message()).matches("column \\d+: not valid JSON \\(.*\\): the rest of the file was not read");
        });
    }

    @Test
    void whatIsNoBundleIsSaidSo() throws IOException {
        StixBundle.load("x.json", stream("[1, 2]"), set, problems::add);
        StixBundle.load("y.json", stream("{\"type\": \"indicator\", \"pattern\": \"[file:name = 'a']\"}"), set, problems::add);
        StixBundle.load("z.json", stream(""), set, problems::add);
        assertThat(problems).extracting(Diagnostic::toString).containsExactly(
                "x.json:1: not a STIX bundle: expected a JSON object [stix.bundle]",
                "y.json: not a STIX bundle (type 'indicator', no objects): give indicators inside a bundle's objects [stix.bundle]",
                "z.json:1: not a STIX bundle: the file is empty [stix.bundle]");
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void unusableComparisonsAreRefusedWithTheirColumn() throws IOException {
        String bundle = """
                {"type": "bundle", "objects": [
                {"type": "indicator", "id": "indicator--a", "pattern": "[file:hashes.'SHA-512' = 'ab']"},
                {"type": "indicator", "id": "indicator--b", "pattern": "[file:name != 'a.aspx']"},
                {"type": "indicator", "id": "indicator--c", "pattern": "[file:size = 10]"},
                {"type": "indicator", "id": "indicator--d", "pattern": "[file:name = 'a' AND ipv4-addr:value = '192.0.2.1']"},
                {"type": "indicator", "id": "indicator--e", "pattern": "[ipv4-addr:value = 'mail.example.com']"},
                {"type": "indicator", "id": "indicator--f", "pattern": "[network-traffic:dst_ref.value = '192.0.2.1']"},
                {"type": "indicator", "id": "indicator--g", "pattern": "[file:hashes.MD5 = 'xyz']"},
                {"type": "indicator", "pattern": "[file:name = 'a']"},
                {"type": "indicator", "id": "indicator--i"}
                ]}""";
        assertThat(StixBundle.load("u.json", stream(bundle), set, problems::add)).isZero();
        assertThat(problems).extracting(d -> d.where().line() + " " + d.message().replaceAll(": not loaded.*", ""))
                .containsExactly(
                        "2 pattern column 2: exhunt cannot match file:hashes.SHA-512 = 'ab': exhunt computes SHA-256, SHA-1 and MD5 only",
                        "3 pattern column 2: exhunt cannot match file:name != 'a.aspx': only '=' (and IN) can be matched",
                        "4 pattern column 2: a file size alone names no file",
                        "5 pattern column 22: 'ipv4-addr' and 'file' in one observation joined by AND: exhunt matches one object at a time",
                        "6 pattern column 2: not an IPv4 or IPv6 address or CIDR range: mail.example.com",
                        "7 pattern column 2: exhunt cannot match network-traffic:dst_ref.value = '192.0.2.1': of network traffic, exhunt knows the client (src_ref.value) of requests only",
                        "8 pattern column 2: a MD5 has 32 hex digits, not: xyz",
                        "9 indicator without an id",
                        "10 indicator without a pattern");
    }

    private int load(String resource) throws IOException {
        try (InputStream in = StixBundleTest.class.getResourceAsStream(resource)) {
            return StixBundle.load(resource, in, set, problems::add);
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static FileFacts file(char drive, String drivePath, long size) {
        return new FileFacts(drive, drivePath, SourceRef.file(drivePath), size, null, null, null);
    }
}
