package org.exhunt.logs.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.junit.jupiter.api.Test;

class FileRecordsTest {

    @Test
    void describesAFileForPathAndIocRules() throws Exception {
        byte[] content = "<%@ Page Language=\"C#\" %>\r\n\u0000abc".getBytes(StandardCharsets.ISO_8859_1);
        FileFacts facts = new FileFacts("inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx",
                SourceRef.file("/images/ex01/inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx"), content.length,
                Instant.parse("2021-03-03T06:59:23Z"), Instant.parse("2021-03-03T06:59:20Z"), null);
        Record r = FileRecords.read(facts, new ByteArrayInputStream(content));
        assertThat(r.type()).isEqualTo("file");
        assertThat(r.field("path")).isEqualTo("C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\errorEE.aspx");
        assertThat(r.field("drive_path")).isEqualTo("inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx");
        assertThat(r.field("name")).isEqualTo("errorEE.aspx");
        assertThat(r.field("extension")).isEqualTo("aspx");
        assertThat(r.field("size")).isEqualTo("31");
        assertThat(r.field("modified")).isEqualTo("2021-03-03T06:59:23Z");
        assertThat(r.field("created")).isEqualTo("2021-03-03T06:59:20Z");
        assertThat(r.field("accessed")).isNull();
        // sha256sum of the same bytes, computed outside Java
        assertThat(r.field("sha256")).isEqualTo("c0904ae8a70a5a9d5db5edf5db25f1cdacc520694c457b7d843b0e36fe4e2716");
        assertThat(r.field("head")).isEqualTo("<%@ Page Language=\"C#\" %>\\x0d\\x0a\\x00abc");
        assertThat(r.time()).isEqualTo(Instant.parse("2021-03-03T06:59:23Z"));
        assertThat(r.source()).isEqualTo(facts.where());
    }
}
