package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.sigma.RuleAssert.fires;

import org.junit.jupiter.api.Test;

/** The detection forms of the specification: maps, lists, lists of maps, keywords, and the condition forms. */
class DetectionFormsTest {

    private static final String SECURITY_EVENTS = """
            selection:
                EventLog: Security
                EventID:
                    - 517
                    - 1102
            condition: selection
            """;

    @Test
    void aMapIsAndAndAListIsOr() {
        assertThat(fires(SECURITY_EVENTS, "EventLog=Security", "EventID=1102")).isTrue();
        assertThat(fires(SECURITY_EVENTS, "EventLog=Security", "EventID=4624")).isFalse();
        assertThat(fires(SECURITY_EVENTS, "EventLog=System", "EventID=517")).isFalse();
    }

    private static final String LIST_OF_MAPS = """
            selection:
                - Image|endswith: '\\example.exe'
                - Description|contains: 'Test executable'
            condition: selection
            """;

    @Test
    void aListOfMapsIsOr() {
        assertThat(fires(LIST_OF_MAPS, "Image=C:\\x\\example.exe")).isTrue();
        assertThat(fires(LIST_OF_MAPS, "Description=A test executable file")).isTrue();
        assertThat(fires(LIST_OF_MAPS, "Image=C:\\x\\other.exe", "Description=other")).isFalse();
    }

    private static final String KEYWORDS = """
            keywords:
                - 'EVILSERVICE'
                - 'svchost.exe -n evil'
            condition: keywords
            """;

    @Test
    void keywordsSearchEveryFieldAnywhere() {
        assertThat(fires(KEYWORDS, "Message=started evilservice now")).isTrue();
        assertThat(fires(KEYWORDS, "A=x", "B=run svchost.exe -n evil")).isTrue();
        assertThat(fires(KEYWORDS, "Message=svchost.exe -k netsvcs")).isFalse();
    }

    private static final String ALL_KEYWORDS = """
            keywords_cmdlet:
                '|all':
                    - 'OabVirtualDirectory'
                    - ' -ExternalUrl '
            condition: keywords_cmdlet
            """;

    @Test
    void keywordsUnderAllMustAllOccur() {
        assertThat(fires(ALL_KEYWORDS, "Data=Set-OabVirtualDirectory", "Data2=x -ExternalUrl http://a")).isTrue();
        assertThat(fires(ALL_KEYWORDS, "Data=Set-OabVirtualDirectory -InternalUrl x")).isFalse();
    }

    private static final String THEM = """
            sel1:
                A: 1
            sel2:
                B: 2
            _helper:
                C: 3
            condition: all of them
            """;

    @Test
    void themCoversIdentifiersNotStartingWithAnUnderscore() {
        assertThat(fires(THEM, "A=1", "B=2")).isTrue();
        assertThat(fires(THEM, "A=1")).isFalse();
        assertThat(fires(THEM.replace("all of them", "1 of them"), "C=3")).isFalse();
        assertThat(fires(THEM.replace("all of them", "1 of them"), "B=2")).isTrue();
    }

    private static final String OF_PATTERN = """
            selection_img:
                Image|endswith: '\\dtrace.exe'
            selection_cli:
                CommandLine|contains: 'lkd(0)'
            filter_main:
                User: SYSTEM
            condition: all of selection_* and not 1 of filter_*
            """;

    @Test
    void ofPatternsAndNegation() {
        assertThat(fires(OF_PATTERN, "Image=c:\\dtrace.exe", "CommandLine=-w lkd(0)", "User=alice")).isTrue();
        assertThat(fires(OF_PATTERN, "Image=c:\\dtrace.exe", "CommandLine=-w lkd(0)", "User=system")).isFalse();
        assertThat(fires(OF_PATTERN, "Image=c:\\dtrace.exe", "User=alice")).isFalse();
    }

    @Test
    void aListOfConditionsIsOr() {
        String d = """
                a:
                    A: 1
                b:
                    B: 2
                condition:
                    - a
                    - b
                """;
        assertThat(fires(d, "B=2")).isTrue();
        assertThat(fires(d, "C=3")).isFalse();
    }

    @Test
    void nOfCountsMatchingIdentifiers() {
        String d = """
                s1:
                    A: 1
                s2:
                    B: 2
                s3:
                    C: 3
                condition: 2 of s*
                """;
        assertThat(fires(d, "A=1", "C=3")).isTrue();
        assertThat(fires(d, "A=1")).isFalse();
    }

    @Test
    void ruleFieldsMatchRecordFieldsWhateverTheirCase() {
        assertThat(fires("s:\n    commandline|contains: x\ncondition: s", "CommandLine=axb")).isTrue();
    }
}
