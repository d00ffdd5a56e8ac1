package org.exhunt.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrivePathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        C/inetpub/x.aspx                | -
        C\\inetpub\\x.aspx              | -
        C/inetpub/what? <a>"*.aspx      | -
        C/inetpub/con.aspx              | -
        C/inetpub/über shell %41.aspx   | -
        C/Users/..hidden..              | -
        ../x                            | '..' segment (path traversal)
        C/a/..                          | '..' segment (path traversal)
        C\\..\\x                        | '..' segment (path traversal)
        C/./x                           | '.' segment
        /etc/passwd                     | absolute path
        \\\\host\\share\\x              | absolute path
        C:/Windows/x.dll                | drive letter
        c:x.dll                         | drive letter
        C//x                            | empty segment
        """)
    void unsafeNames(String name, String reason) {
        assertThat(DrivePath.unsafe(name).orElse(null)).isEqualTo(reason);
    }

    @Test
    void aPipeIsAWindowsReservedCharacterButNoSeparator() {
        assertThat(DrivePath.unsafe("C/inetpub/a|b.aspx")).isEmpty();
    }

    @Test
    void foldingComparesAsWindowsDoes() {
        assertThat(DrivePath.key('c', "InetPub/WWWRoot/ÜBER.aspx")).isEqualTo(DrivePath.key('C', "inetpub/wwwroot/über.ASPX"));
        assertThat(DrivePath.fold("straße")).isEqualTo("STRAßE"); // one unit at a time, as NTFS's $UpCase: no ß -> SS
        assertThat(DrivePath.key('C', "x")).isNotEqualTo(DrivePath.key('D', "x"));
    }

    @Test
    void namesFromEvidenceArePrintedSafely() {
        assertThat(DrivePath.printable("a\u0000b\u001b[31m")).isEqualTo("a\\x00b\\x1b[31m");
        assertThat(DrivePath.printable("x".repeat(300))).hasSize(201).endsWith("…");
    }
}
