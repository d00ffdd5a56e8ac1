package org.exhunt.yara.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.exhunt.core.Limits;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.YaraCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bounds one scan: its timeout, the matches it may hold, the size of file it reads. */
class ScanLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void aScanPastItsTimeoutReportsNoRuleAndSaysSo() throws Exception {
        CompiledRules rules = new YaraCompiler().addSource("rule r { strings: $a = /a[^b]{0,100}b/ condition: $a }", "r.yar")
                .compile();
        byte[] data = new byte[20 << 20];
        Arrays.fill(data, (byte) 'a');
        ScanResult r = rules.newScanner().timeout(Duration.ofMillis(1)).scan(data);
        assertThat(r.error()).isEqualTo("scanning timed out");
        assertThat(r.matching()).isEmpty();
    }

    @Test
    void holdingMoreMatchesThanTheScanMayStopsIt() throws Exception {
        // 17 different strings, each found (up to the per-string cap) at nearly every offset of 1 MB of "a".
        StringBuilder rules = new StringBuilder("rule many { strings:");
        int strings = Limits.YARA_MATCHES_PER_SCAN / Limits.YARA_MATCHES_PER_STRING + 1;
        for (int i = 1; i <= strings; i++) rules.append(" $a").append(i).append(" = \"").append("a".repeat(i)).append('"');
        rules.append(" condition: any of them }");
        byte[] data = new byte[Limits.YARA_MATCHES_PER_STRING + 100];
        Arrays.fill(data, (byte) 'a');
        ScanResult r = new YaraCompiler().addSource(rules.toString(), "r.yar").compile().newScanner().scan(data);
        assertThat(r.error()).isEqualTo("too many matches");
        assertThat(r.matching()).isEmpty();
    }

    @Test
    void aFileLargerThanTheLimitIsNotRead() throws Exception {
        Path big = tmp.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Limits.YARA_FILE_BYTES + 1); // sparse: no disk used
        }
        ScanResult r = new YaraCompiler().addSource("rule r { condition: true }", "r.yar").compile().newScanner().scan(big);
        assertThat(r.error()).startsWith("file too large to scan");
        assertThat(r.matching()).isEmpty();
    }

    @Test
    void aFileIsReadIntoAReusedBufferAndOnlyItsOwnBytesAreScanned() throws Exception {
        Path longer = java.nio.file.Files.writeString(tmp.resolve("long.txt"), "xxxxxxxxxxxxxxxxxxxx needle");
        Path shorter = java.nio.file.Files.writeString(tmp.resolve("short.txt"), "abc");
        var scanner = new YaraCompiler().addSource("rule r { strings: $a = \"needle\" condition: $a and filesize < 10 }", "r.yar")
                .addSource("rule size { condition: filesize == 3 }", "s.yar").compile().newScanner();
        assertThat(scanner.scan(longer).matching()).isEmpty();
        assertThat(scanner.scan(shorter).matching()).extracting(m -> m.name()).containsExactly("size");
    }
}
