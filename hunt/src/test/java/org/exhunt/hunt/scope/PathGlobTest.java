package org.exhunt.hunt.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "C:\\inetpub\\wwwroot\\aspnet_client\\known.aspx | inetpub/wwwroot/aspnet_client/known.aspx | true",
        "inetpub\\wwwroot\\**                              | inetpub/wwwroot/a/b/c.aspx               | true",
        "inetpub\\wwwroot\\**                              | inetpub/logs/x.log                       | false",
        "**\\*.bak                                         | a/b/c.bak                                | true",
        "**\\*.bak                                         | c.bak                                    | true",
        "inetpub/*/x.aspx                                  | inetpub/wwwroot/x.aspx                   | true",
        "inetpub/*/x.aspx                                  | inetpub/wwwroot/a/x.aspx                 | false",
        "inetpub/wwwroot/?.aspx                            | INETPUB/WWWROOT/A.ASPX                   | true",
        "inetpub/wwwroot/?.aspx                            | inetpub/wwwroot/ab.aspx                  | false",
        "C:\\x (1)+[a].aspx                                | x (1)+[a].aspx                           | true",
        "D:\\data\\**                                      | C:\\data\\y                              | true",
    })
    void matchesWindowsAndSlashFormsIgnoringCase(String glob, String path, boolean expected) {
        assertThat(PathGlob.of(glob).matches(path)).isEqualTo(expected);
    }
}
