package org.exhunt.logs.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** (EventData, expanded pairs) table; pairs printed as {@code KEY=value|KEY=value}. */
class ActivityDataTest {

    @ParameterizedTest
    @CsvSource(delimiter = '~', quoteCharacter = '"', textBlock = """
            S:TIME=13;S:CMD=Get-InboxRule;S:REQID=;S:BLD=15.1.2375.7           ~ TIME=13|CMD=Get-InboxRule|BLD=15.1.2375.7
            S:CMD=Get-X.Identity=$null;;S:EX=                                   ~ CMD=Get-X.Identity=$null
            'S:CMD=Set-X.Url=''a;b''';S:EX=                                    ~ CMD=Set-X.Url='a;b'
            I32:ADS.C[DC01]=1;F:ADS.AL[DC01]=1.5;Dbl:WLM.TS=16                 ~ ADS.C[DC01]=1|ADS.AL[DC01]=1.5|WLM.TS=16
            S:PSA=<PII>a@b.c</PII>;S:URL=https://localhost:444/ecp/x?y=1       ~ PSA=<PII>a@b.c</PII>|URL=https://localhost:444/ecp/x?y=1
            NoPrefix=1;http://x:80/=2                                          ~ NoPrefix=1|http://x:80/=2
            'S:EX=unterminated                                                 ~ EX=unterminated
            ;;novalue;=x;S:=y                                                  ~ ""
            """)
    void expandsPairs(String data, String expected) {
        List<String> pairs = new ArrayList<>();
        ActivityData.expand(data.strip(), (k, v) -> pairs.add(k + "=" + v));
        assertThat(String.join("|", pairs)).isEqualTo(expected == null ? "" : expected.strip());
    }
}
