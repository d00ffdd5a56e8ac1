package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exhunt.core.Finding;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.mapping.Mappings;
import org.junit.jupiter.api.Test;

/** Log-source routing and field mapping with the project's own mapping files (rules/mappings). */
class RoutingTest {

    private static final Mappings PROJECT = Fixtures.projectMappings();

    private static final String WEB_RULE = """
            title: web
            id: web-1
            level: high
            tags: [attack.initial-access, cve.2021-26855]
            author: someone
            description: a web rule
            references: [https://example.org/a]
            logsource: {category: webserver}
            detection:
                uri:
                    cs-uri-query|contains: '/owa/auth/x.js?a='
                agent:
                    cs-user-agent|contains: 'Mozilla/5.0 (compatible'
                condition: uri and agent
            """;

    private static Record iis(String stem, String query, String agent) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("date", "2021-03-02");
        f.put("time", "04:05:06");
        f.put("cs-method", "POST");
        f.put("cs-uri-stem", stem);
        if (query != null) f.put("cs-uri-query", query);
        f.put("cs(User-Agent)", agent);
        String raw = "2021-03-02 04:05:06 POST " + stem + " " + (query == null ? "-" : query) + " " + agent;
        return new MapRecord("iis", f, raw, Instant.parse("2021-03-02T04:05:06Z"), SourceRef.line("u_ex210302.log", 7));
    }

    @Test
    void webRulesSeeTheWholeUriAndBothFormsOfTheUserAgent() {
        SigmaRules rules = Fixtures.rules(PROJECT, WEB_RULE);
        assertThat(rules.scanner().scan(iis("/owa/auth/x.js", "a=b", "Mozilla/5.0+(compatible;+MSIE)"))).hasSize(1);
        assertThat(rules.scanner().scan(iis("/owa/auth/x.js", "a=b", "Mozilla/5.0 (compatible; MSIE)"))).hasSize(1);
        assertThat(rules.scanner().scan(iis("/owa/auth/y.js", "a=b", "Mozilla/5.0+(compatible)"))).isEmpty();
    }

    @Test
    void withoutAQueryTheUriIsTheStemAlone() {
        String rule = WEB_RULE.replace("condition: uri and agent", "condition: stemonly")
                .replace("    agent:", "    stemonly:\n        cs-uri-query|endswith: '/x.js'\n    agent:");
        SigmaRules rules = Fixtures.rules(PROJECT, rule);
        assertThat(rules.scanner().scan(iis("/owa/auth/x.js", null, "curl"))).hasSize(1);
        assertThat(rules.scanner().scan(iis("/owa/auth/x.js", "a=1", "curl"))).isEmpty();
    }

    @Test
    void aFiringBecomesAFinding() {
        SigmaRules rules = Fixtures.rules(PROJECT, WEB_RULE);
        Record r = iis("/owa/auth/x.js", "a=b", "Mozilla/5.0+(compatible;+MSIE)");
        Finding f = rules.scanner().scan(r).get(0).toFinding();
        assertThat(f.detector()).isEqualTo("sigma");
        assertThat(f.ruleId()).isEqualTo("web-1");
        assertThat(f.title()).isEqualTo("web");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.tags()).containsExactly("attack.initial-access", "cve.2021-26855");
        assertThat(f.meta()).containsEntry("author", "someone").containsEntry("description", "a web rule")
                .containsEntry("references", "https://example.org/a");
        assertThat(f.evidence("raw")).isEqualTo(r.raw());
        assertThat(f.evidence("cs-uri-query")).isEqualTo("/owa/auth/x.js?a=b");
        assertThat(f.evidence("cs-user-agent")).isEqualTo("Mozilla/5.0 (compatible; MSIE)");
        assertThat(f.time()).isEqualTo(Instant.parse("2021-03-02T04:05:06Z"));
        assertThat(f.source()).isEqualTo(SourceRef.line("u_ex210302.log", 7));
    }

    private static final String PROCESS_RULE = """
            title: whoami
            logsource: {product: windows, category: process_creation}
            detection:
                sel:
                    Image|endswith: '\\whoami.exe'
                condition: sel
            """;

    private static Record event(String type, String channel, String provider, String eventId, String... more) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Channel", channel);
        f.put("Provider_Name", provider);
        f.put("EventID", eventId);
        for (String nv : more) f.put(nv.substring(0, nv.indexOf('=')), nv.substring(nv.indexOf('=') + 1));
        return new MapRecord(type, f, f.toString(), null, SourceRef.record("x.evtx", "1"));
    }

    @Test
    void windowsCategoriesAreRoutedByChannelAndProviderNotByEventIdAlone() {
        SigmaRules rules = Fixtures.rules(PROJECT, PROCESS_RULE);
        String sysmon = "Microsoft-Windows-Sysmon/Operational";
        assertThat(rules.scanner().scan(event("evtx", sysmon, "Microsoft-Windows-Sysmon", "1", "Image=C:\\w\\whoami.exe"))).hasSize(1);
        assertThat(rules.scanner().scan(event("json", sysmon, "Microsoft-Windows-Sysmon", "1", "Image=C:\\w\\whoami.exe"))).hasSize(1);
        assertThat(rules.scanner().scan(event("evtx", sysmon, "Microsoft-Windows-Sysmon", "11", "Image=C:\\w\\whoami.exe"))).isEmpty();
        assertThat(rules.scanner().scan(event("evtx", "Application", "Some-App", "1", "Image=C:\\w\\whoami.exe"))).isEmpty();
        assertThat(rules.scanner().scan(event("iis", sysmon, "Microsoft-Windows-Sysmon", "1", "Image=C:\\w\\whoami.exe"))).isEmpty();
    }

    @Test
    void securityProcessCreationEventsAreReadWithTheirOwnFieldNames() {
        SigmaRules rules = Fixtures.rules(PROJECT, PROCESS_RULE);
        Record e4688 = event("evtx", "Security", "Microsoft-Windows-Security-Auditing", "4688", "NewProcessName=C:\\w\\whoami.exe");
        assertThat(rules.scanner().scan(e4688)).singleElement()
                .satisfies(m -> assertThat(m.matched()).extracting(e -> e.name() + "=" + e.value()).containsExactly("Image=C:\\w\\whoami.exe"));
    }

    @Test
    void aRuleFiresOnceOnARecordThatSeveralOfItsRoutesSelect() {
        Mappings twice = RuleAssert.mapping("""
                sources:
                  - logsource: {product: test}
                    records:
                      - types: [test]
                      - types: [test]
                        where: {A: x}
                """);
        SigmaRules rules = Fixtures.rules(twice, RuleAssert.rule("s:\n    A: x\ncondition: s"));
        assertThat(rules.scanner().scan(RuleAssert.record("A=x"))).hasSize(1);
        assertThat(rules.scanner().scan(RuleAssert.record("A=x"))).hasSize(1);
    }

    @Test
    void rulesForLogsNoMappingNamesLoadButNeverRun() {
        SigmaRules rules = Fixtures.rules(PROJECT, """
                title: linux
                logsource: {product: linux, category: process_creation}
                detection: {sel: {Image: x}, condition: sel}
                """);
        assertThat(rules.loaded()).hasSize(1);
        assertThat(rules.unrouted()).hasSize(1);
        assertThat(rules.problems()).isEmpty();
    }

    @Test
    void fileRecordsAreReadByRulesOnTheFileCategoryAloneAndOnlyWhenSuchARuleIsLoaded() {
        String fileRule = """
                title: aspx in aspnet_client
                logsource: {product: windows, category: file}
                detection:
                    sel:
                        TargetFilename|startswith: 'C:\\inetpub\\wwwroot\\aspnet_client\\'
                        extension: aspx
                        size|gt: 1000
                    condition: sel
                """;
        String sysmonFileEvent = fileRule.replace("category: file", "category: file_event");
        String windows = fileRule.replace("{product: windows, category: file}", "{product: windows}");
        Record shell = new MapRecord("file", Map.of("path", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx",
                "extension", "aspx", "size", "2048"), "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx", null,
                SourceRef.file("/img/inetpub/wwwroot/aspnet_client/x.aspx"));
        Record small = new MapRecord("file", Map.of("path", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx",
                "extension", "aspx", "size", "20"), "x", null, SourceRef.file("x"));

        SigmaRules files = Fixtures.rules(PROJECT, fileRule);
        assertThat(files.reads("file")).isTrue();
        assertThat(files.scanner().scan(shell)).singleElement().satisfies(m -> assertThat(m.matched())
                .extracting(e -> e.name() + "=" + e.value()).contains("TargetFilename=" + shell.field("path")));
        assertThat(files.scanner().scan(small)).isEmpty();

        SigmaRules others = Fixtures.rules(PROJECT, sysmonFileEvent, windows, PROCESS_RULE, WEB_RULE);
        assertThat(others.reads("file")).as("Sysmon's file_event and product windows are events, not a listing").isFalse();
        assertThat(others.scanner().scan(shell)).isEmpty();
        assertThat(others.reads("evtx")).isTrue();
    }
}
