package org.exhunt.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExactNamesTest {

    @Test
    void validUtf8IsReadAsItIs() {
        assertThat(ExactNames.decode("café ☕.aspx".getBytes(StandardCharsets.UTF_8))).isEqualTo("café ☕.aspx");
    }

    @Test
    void eachByteThatIsNotUtf8IsWrittenAsAnEscapeAndTheRestIsKept() {
        assertThat(ExactNames.decode(new byte[] {'a', (byte) 0xff, 'b'})).isEqualTo("a\\xffb");
        // a sequence cut short, an overlong '/', a lone continuation byte
        assertThat(ExactNames.decode(new byte[] {(byte) 0xe2, (byte) 0x98, '.'})).isEqualTo("\\xe2\\x98.");
        assertThat(ExactNames.decode(new byte[] {(byte) 0xc0, (byte) 0xaf})).isEqualTo("\\xc0\\xaf");
        assertThat(ExactNames.decode(new byte[] {(byte) 0x80, (byte) 0xc3, (byte) 0xa9})).isEqualTo("\\x80é");
    }
}
