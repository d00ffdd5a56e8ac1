package org.exhunt.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Record;
import org.junit.jupiter.api.Test;

/** How rules see records: names in any case, absent values, the raw line. */
class RecordLookupTest {

    static List<Record> records(String path, String content) throws IOException {
        List<Record> out = new ArrayList<>();
        try (RecordStream s = LogFiles.open(path, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), d -> { })
                .orElseThrow()) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void fieldNamesMatchWhateverTheCaseInTheFileOrTheRule() throws IOException {
        Record r = records("Logging/HttpProxy/Owa/HttpProxy_1.LOG",
                "#Fields: datetime,CLIENTIPADDRESS,AnchorMailbox\n2021-03-04T01:00:00Z,10.1.2.3,ServerInfo~a]@ex01:444/ecp/x#\n").get(0);
        assertThat(r.field("ClientIpAddress")).isEqualTo("10.1.2.3");
        assertThat(r.field("clientipaddress")).isEqualTo("10.1.2.3");
        assertThat(r.field("ANCHORMAILBOX")).isEqualTo("ServerInfo~a]@ex01:444/ecp/x#");
        assertThat(r.field("logfolder")).isEqualTo("Owa");
        assertThat(r.time()).hasToString("2021-03-04T01:00:00Z");
        assertThat(r.fieldNames()).containsExactly("datetime", "CLIENTIPADDRESS", "AnchorMailbox", "LogFolder");
    }

    @Test
    void anAbsentValueIsNoFieldAndTheRawLineIsKept() throws IOException {
        String line = "2021-03-04 10:00:00 GET /owa/ - 200";
        Record r = records("W3SVC1/u_ex210304.log", "#Fields: date time cs-method cs-uri-stem cs-uri-query sc-status\r\n" + line + "\r\n").get(0);
        assertThat(r.field("cs-uri-query")).isNull();
        assertThat(r.values("cs-uri-query")).isEmpty();
        assertThat(r.field("no-such-field")).isNull();
        assertThat(r.fieldNames()).doesNotContain("cs-uri-query");
        assertThat(r.raw()).isEqualTo(line);
        assertThat(r.source()).hasToString("W3SVC1/u_ex210304.log:2");
    }

    @Test
    void filesNoReaderTakesAreLeftAlone() throws IOException {
        assertThat(LogFiles.open("notes.txt", new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.US_ASCII)), d -> { }))
                .isEmpty();
    }
}
