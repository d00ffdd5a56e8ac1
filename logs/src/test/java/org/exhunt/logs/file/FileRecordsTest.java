package org.exhunt.logs.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.exhunt.core.FileFacts;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.junit.jupiter.api.Test;

class FileRecordsTest {

    private static final byte[] CONTENT = "<%@ Page Language=\"C#\" %>\r\n\u0000abc".getBytes(StandardCharsets.ISO_8859_1);
    // sha256sum of CONTENT, computed outside Java
    private static final String SHA256 = "c0904ae8a70a5a9d5db5edf5db25f1cdacc520694c457b7d843b0e36fe4e2716";
    private static final FileFacts FACTS = new FileFacts('C', "inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx",
            SourceRef.file("/images/ex01/inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx"), CONTENT.length,
            Instant.parse("2021-03-03T06:59:23Z"), Instant.parse("2021-03-03T06:59:20Z"), null);

    @Test
    void describesAFileForPathAndIocRules() throws Exception {
        Record r = FileRecords.read(FACTS, new ByteArrayInputStream(CONTENT));
        assertThat(r.type()).isEqualTo("file");
        assertThat(r.field("path")).isEqualTo("C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\errorEE.aspx");
        assertThat(r.field("drive_path")).isEqualTo("inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx");
        assertThat(r.field("name")).isEqualTo("errorEE.aspx");
        assertThat(r.field("extension")).isEqualTo("aspx");
        assertThat(r.field("size")).isEqualTo("31");
        assertThat(r.field("modified")).isEqualTo("2021-03-03T06:59:23Z");
        assertThat(r.field("created")).isEqualTo("2021-03-03T06:59:20Z");
        assertThat(r.field("accessed")).isNull();
        assertThat(r.field("sha256")).isEqualTo(SHA256);
        assertThat(r.field("head")).isEqualTo("<%@ Page Language=\"C#\" %>\\x0d\\x0a\\x00abc");
        assertThat(r.time()).isEqualTo(Instant.parse("2021-03-03T06:59:23Z"));
        assertThat(r.source()).isEqualTo(FACTS.where());
    }

    @Test
    void contentAlreadyHeldGivesTheSameRecordAsStreamingIt() throws Exception {
        MapRecord streamed = (MapRecord) FileRecords.read(FACTS, new ByteArrayInputStream(CONTENT));
        MapRecord held = (MapRecord) FileRecords.withContent(FACTS, CONTENT, SHA256);
        assertThat(held.fields()).isEqualTo(streamed.fields());
        assertThat(held.time()).isEqualTo(streamed.time());
        assertThat(held.source()).isEqualTo(streamed.source());
    }

    @Test
    void aListedFileHasNoContentFields() {
        FileFacts onD = new FileFacts('D', "Logs/readme", SourceRef.file("/kape/D/Logs/readme"), 0, null, null, null);
        MapRecord r = (MapRecord) FileRecords.listed(onD);
        assertThat(r.fields()).containsExactly(
                Map.entry("path", "D:\\Logs\\readme"),
                Map.entry("drive_path", "Logs/readme"),
                Map.entry("name", "readme"),
                Map.entry("size", "0"));
        assertThat(r.time()).isNull();
        assertThat(r.raw()).isEqualTo("D:\\Logs\\readme");
    }

    @Test
    void headKeepsPrintableAsciiAndEscapesTheRest() {
        byte[] b = {'M', 'Z', (byte) 0x90, 0, '\\', 0x7F, '~'};
        assertThat(FileRecords.printable(b, b.length)).isEqualTo("MZ\\x90\\x00\\\\\\x7f~");
        assertThat(FileRecords.withContent(FACTS, new byte[200], "0".repeat(64)).field("head"))
                .isEqualTo("\\x00".repeat(FileRecords.HEAD_BYTES));
    }
}
