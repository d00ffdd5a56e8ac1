package org.exhunt.kb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damaged knowledge-base data fails loading with the file, the line and what is wrong. */
class KbDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "exchange-builds.csv        | 15.1.2176.2,15.01.2176.002 | 15.1.2176.2,15.01.2176.003 | rules/kb/exchange-builds.csv:102: build_long 15.01.2176.003 is not the long form of 15.1.2176.2",
        "exchange-builds.csv        | 2020-12-15,15.1.2176.2     | 2020-12-1x,15.1.2176.2     | rules/kb/exchange-builds.csv:102: release_date not yyyy-MM[-dd]: 2020-12-1x",
        "exchange-builds.csv        | CU19,2020-12-15            | CU19,2020-12-15,extra      | rules/kb/exchange-builds.csv:102: expected 10 fields, found 11",
        "added-builds.csv           | 15.1.1847.5,15.01.1847.005 | 15.1.1847.7,15.01.1847.007 | rules/kb/added-builds.csv:44: build 15.1.1847.7 listed twice",
        "update-fixes.csv           | 2013,Mar18SU,              | 2011,Mar18SU,              | rules/kb/update-fixes.csv:8: unknown product family 2011",
        "update-fixes.csv           | 2016,Dec18SU,,CVE-2018-8604 | 2016,Dec17SU,,CVE-2018-8604 | rules/kb/update-fixes.csv:16: no build of 2016 Dec17SU in the build table",
        "update-fixes.csv           | Dec18SU,,CVE-2018-8604     | Dec18SU,,KB4468741         | rules/kb/update-fixes.csv:16: not a CVE or advisory id: KB4468741",
        "vulnerabilities.csv        | CVE-2021-31196,CVE-2021-31196,no,2013 | CVE-2021-31196,CVE-2021-31196,no,2011 | rules/kb/vulnerabilities.csv:18: unknown product family 2011",
        "security-updates.csv       | CVE-2021-42321,            | CVE-2021-42322,            | rules/kb/security-updates.csv:16: unknown CVE CVE-2021-42322",
        "rows.csv                   | 2021-01-06                 | 2021-01-32                 | rules/kb/rows.csv:5: not a yyyy-MM-dd date: 2021-01-32",
        "products.csv               | 15.1.0.0,15.2.0.0          | 15.1.0,15.2.0.0            | rules/kb/products.csv:8: from_build needs four parts: 15.1.0",
        "url-rewrite-mitigations.csv| CVE-2022-41040,{UrlDecode  | CVE-2022-41041,{UrlDecode  | rules/kb/url-rewrite-mitigations.csv:9: unknown CVE CVE-2022-41041",
        "url-rewrite-mitigations.csv| powershell),yes,           | powershell),maybe,         | rules/kb/url-rewrite-mitigations.csv:9: effective must be yes or no: maybe",
    })
    void aDamagedFileIsReportedWithItsLine(String file, String find, String replace, String message) {
        Map<String, String> files = new HashMap<>();
        for (String name : KnowledgeBase.FILES) files.put(name, TestKb.read(name));
        String damaged = files.get(file).replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace));
        if (damaged.equals(files.get(file))) throw new AssertionError("the test's text is not in " + file + ": " + find);
        files.put(file, damaged);

        assertThatThrownBy(() -> KnowledgeBase.load(files::get)).isInstanceOf(KbDataException.class).hasMessage(message);
    }
}
