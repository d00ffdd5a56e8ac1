package org.exhunt.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mail.contoso.com                | https://mail.contoso.com:443",
        "mail.contoso.com:8443           | https://mail.contoso.com:8443",
        "https://mail.contoso.com/owa/   | https://mail.contoso.com:443",
        "http://10.0.0.5                 | http://10.0.0.5:80",
        "HTTPS://EX01:444                | https://EX01:444",
        "[2001:db8::1]:8443              | https://[2001:db8::1]:8443",
        "2001:db8::1                     | https://[2001:db8::1]:443",
        "' 192.0.2.7 '                   | https://192.0.2.7:443",
    })
    void hostsPortsAndUrlsBecomeABaseUrl(String input, String base) {
        assertThat(Target.parse(input).base()).isEqualTo(base);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://mail.contoso.com      | only https and http targets can be probed",
        "https://                    | is not a host, host:port or URL",
        "https://user@mail.contoso.com | names no host",
        "mail.contoso.com:99999      | port out of range",
        "mail contoso com            | is not a host, host:port or URL",
    })
    void whatIsNoTargetIsRefusedSayingWhy(String input, String problem) {
        assertThatThrownBy(() -> Target.parse(input)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(problem);
    }

    @Test
    void aTargetListSkipsCommentsAndDuplicatesAndNamesBadLines() {
        Targets.Read read = Targets.parse("targets.txt", List.of("# estate", "", "ex01.contoso.com  # primary",
                "https://ex01.contoso.com:443/", "ex02.contoso.com:8443", "ftp://nope", "ex03.contoso.com"));
        assertThat(read.targets()).extracting(Target::base)
                .containsExactly("https://ex01.contoso.com:443", "https://ex02.contoso.com:8443", "https://ex03.contoso.com:443");
        assertThat(read.problems()).containsExactly("targets.txt:6: 'ftp://nope': only https and http targets can be probed");
    }
}
