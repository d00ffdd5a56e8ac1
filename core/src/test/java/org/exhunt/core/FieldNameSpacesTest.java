package org.exhunt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A field name not found as written is the same name with other spaces: Windows' {@code Threat Name} is Sigma's ThreatName. */
class FieldNameSpacesTest {

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "Threat Name    | ThreatName     | true",
        "ThreatName     | threat name    | true",
        "Process  Name  | processname    | true",
        "' Source Name' | 'SourceName '  | true",
        "Threat Name    | ThreatNames    | false",
        "Threat Name    | Threat_Name    | false",
        "ThreatName     | Threat         | false",
        "' '            | ''             | true",
        "É Name         | éname          | true",
    })
    void sameNameIgnoresCaseAndSpacesOnly(String a, String b, boolean same) {
        assertThat(Record.sameName(a, b)).isEqualTo(same);
        assertThat(Record.sameName(b, a)).isEqualTo(same);
    }

    @Test
    void aMapRecordAnswersEitherSpellingAndPrefersTheNameAsWritten() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Threat Name", "Tool:Win32/EICAR_Test_File");
        f.put("ProcessName", "C:\\RedSun.exe");
        f.put("Source Name", "Real-Time Protection");
        f.put("SourceName", "as written");
        MapRecord r = new MapRecord("json", f, "", Instant.EPOCH, SourceRef.line("x.json", 1));

        assertThat(r.field("ThreatName")).isEqualTo("Tool:Win32/EICAR_Test_File");
        assertThat(r.field("threat name")).isEqualTo("Tool:Win32/EICAR_Test_File");
        assertThat(r.values("Process Name")).containsExactly("C:\\RedSun.exe");
        assertThat(r.field("sourcename")).isEqualTo("as written");
        assertThat(r.field("Source Name")).isEqualTo("Real-Time Protection");
        assertThat(r.values("ThreatID")).isEmpty();
        assertThat(r.fieldNames()).containsExactly("Threat Name", "ProcessName", "Source Name", "SourceName");
    }

    @Test
    void aRecordWithoutSpacesStillFindsANameGivenWithSpaces() {
        MapRecord r = new MapRecord("json", Map.of("ThreatName", "x"), "", null, SourceRef.line("x.json", 1));
        assertThat(r.field("Threat Name")).isEqualTo("x");
        assertThat(r.values("Threat Names")).isEqualTo(List.of());
    }
}
