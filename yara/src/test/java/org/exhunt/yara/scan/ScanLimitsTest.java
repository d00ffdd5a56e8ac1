package org.exhunt.yara.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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

    /** A scan with a 300 ms timeout must end, timed out, well within 10 s whatever keeps it busy. */
    private static void stopsAtItsTimeout(String rules, byte[] data) throws Exception {
        var scanner = new YaraCompiler().addSource(rules, "r.yar").compile().newScanner().timeout(Duration.ofMillis(300));
        ScanResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scanner.scan(data));
        assertThat(r.error()).isEqualTo("scanning timed out");
        assertThat(r.matching()).isEmpty();
    }

    @Test
    void aLoopOverAHugeRangeStopsAtTheTimeout() throws Exception {
        stopsAtItsTimeout("rule r { condition: for all i in (0..0x7fffffffffff) : (i >= 0) }", new byte[10]);
    }

    @Test
    void loopsOverManyMatchesStopAtTheTimeout() throws Exception {
        byte[] data = new byte[100_000];
        Arrays.fill(data, (byte) 'a');
        stopsAtItsTimeout("rule r { strings: $a = \"a\" condition: for all i in (1..#a) : (for all j in (1..#a) : "
                + "(@a[j] >= 0)) }", data);
        stopsAtItsTimeout("rule r { strings: $a = \"a\" $b = \"aa\" condition: for all of them : "
                + "(for all i in (1..#) : (for all j in (1..#) : (true))) }", data);
    }

    @Test
    void passesOfAModuleOverTheDataStopAtTheTimeout() throws Exception {
        // each step a histogram of megabytes, none the same range as another (so none is cached)
        stopsAtItsTimeout("import \"math\" rule r { condition: for all i in (0..filesize) : (math.entropy(i, filesize) >= 0) }",
                new byte[8 << 20]);
    }

    @Test
    void aSlowRegexStopsAtTheTimeoutInsideOneBlockOfData() throws Exception {
        // 4 KiB, one block between two clock readings of the automaton pass: this regex takes half a minute on it
        byte[] data = new byte[4096];
        Arrays.fill(data, (byte) 'a');
        stopsAtItsTimeout("rule r { strings: $a = /(a{1,12}){1,12}\\bb/ condition: $a }", data);
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
    void rulesSharingAStringHoldItsMatchesOnceAndTheResultKeepsThemAfterTheNextScan() throws Exception {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 200; i++) rules.append("rule r").append(i).append(" { strings: $a = \"a\" condition: $a }\n");
        var scanner = new YaraCompiler().addSource(rules.toString(), "r.yar").compile().newScanner();
        byte[] data = new byte[200_000];
        Arrays.fill(data, (byte) 'a');
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ScanResult r = scanner.scan(data);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // 40 million matches reported, from one list of 200,000 offsets
        assertThat(r.matching()).hasSize(200).allSatisfy(m -> assertThat(m.strings()).hasSize(200_000));
        assertThat(allocated).as("bytes allocated by the scan").isLessThan(16L << 20);
        scanner.scan("another file, with other matches".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var strings = r.matching().get(199).strings();
        assertThat(strings.get(0).offset()).isZero();
        assertThat(strings.get(199_999).offset()).isEqualTo(199_999);
        assertThat(strings.get(199_999).data()).containsExactly('a');
    }

    @Test
    void aFileLargerThanTheReadLimitIsMappedAndReadToItsEnd() throws Exception {
        Path big = tmp.resolve("big.bin");
        long size = Limits.YARA_READ_BYTES + 100_000L;
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(size); // sparse: no disk used
            f.seek(size - 10);
            f.write("needle\u0001\u0002\u0003\u0004".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        ScanResult r = new YaraCompiler().addSource("import \"hash\" import \"math\" rule r { strings: $n = \"needle\" "
                + "condition: $n at filesize - 10 and uint32be(filesize - 4) == 0x01020304 and uint8(filesize \\ 2) == 0 "
                + "and math.count(0x65, 0, filesize) == 3 and hash.md5(0, filesize) == \"" + md5(big) + "\" }", "r.yar")
                .compile().newScanner().scan(big);
        assertThat(r.error()).isNull();
        assertThat(r.matching()).singleElement().satisfies(m -> {
            assertThat(m.strings()).singleElement().satisfies(s -> assertThat(s.offset()).isEqualTo(size - 10));
        });
    }

    private static String md5(Path file) throws Exception {
        var md = java.security.MessageDigest.getInstance("MD5");
        try (var in = java.nio.file.Files.newInputStream(file)) {
            md.update(in.readAllBytes());
        }
        return java.util.HexFormat.of().formatHex(md.digest());
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
    void onlyAFilesOwnBytesAreScanned() throws Exception {
        Path longer = java.nio.file.Files.writeString(tmp.resolve("long.txt"), "xxxxxxxxxxxxxxxxxxxx needle");
        Path shorter = java.nio.file.Files.writeString(tmp.resolve("short.txt"), "abc");
        var scanner = new YaraCompiler().addSource("rule r { strings: $a = \"needle\" condition: $a and filesize < 10 }", "r.yar")
                .addSource("rule size { condition: filesize == 3 }", "s.yar").compile().newScanner();
        assertThat(scanner.scan(longer).matching()).isEmpty();
        assertThat(scanner.scan(shorter).matching()).extracting(m -> m.name()).containsExactly("size");
    }
}
