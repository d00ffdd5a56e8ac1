package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileUrisTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /srv/image/inetpub/x.aspx                 | file:///srv/image/inetpub/x.aspx
            /srv/a b/#1?%.log                         | file:///srv/a%20b/%231%3F%25.log
            C:\\inetpub\\wwwroot\\errorEE.aspx        | file:///C:/inetpub/wwwroot/errorEE.aspx
            c:/Program Files/x.log                    | file:///c:/Program%20Files/x.log
            \\\\fileserver\\triage\\ex01\\u_ex.log    | file://fileserver/triage/ex01/u_ex.log
            inetpub/logs/u_ex210303.log               | inetpub/logs/u_ex210303.log
            weird:name.log                            | weird%3Aname.log
            /srv/é/ü.log                              | file:///srv/%C3%A9/%C3%BC.log
            /srv/<img src=x>"'.aspx                   | file:///srv/%3Cimg%20src=x%3E%22'.aspx
            /srv/a\\xffb.aspx                        | file:///srv/a%FFb.aspx
            /srv/back\\slash.aspx                    | file:///srv/back%5Cslash.aspx
            """)
    void fileNamesBecomeValidUris(String file, String uri) {
        assertThat(FileUris.of(file)).isEqualTo(uri);
        assertThat(URI.create(uri).toString()).isEqualTo(uri);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /srv/a b/#1?%.log
            /srv/é/ü.log
            /srv/<img src=x>"'\u202e.aspx
            """)
    void absolutePathsDecodeBackToTheSamePath(String file) {
        assertThat(Path.of(URI.create(FileUris.of(file)))).isEqualTo(Path.of(file));
    }

    /** Issue 20, item 9: a Unix name that is not UTF-8, written {@code \xNN} by the evidence module, is exact in the URI. */
    @org.junit.jupiter.api.Test
    void aUnixNameThatIsNotUtf8IsLocatedByItsBytes() {
        URI uri = URI.create(FileUris.of("/srv/a\\xffb.aspx"));
        assertThat(uri.getRawPath()).isEqualTo("/srv/a%FFb.aspx");
        // the JDK reads such a URI back as a path with the byte 0xff, not the text "\\xff"
        assertThat(Path.of(uri).toUri().getRawPath()).isEqualTo("/srv/a%FFb.aspx");
    }
}
