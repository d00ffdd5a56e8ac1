package org.exhunt.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Diagnostics;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.junit.jupiter.api.Test;

/** Input built to hurt: lines of many megabytes, floods of bad lines, a quote that never closes. */
class HostileInputTest {

    static final String IIS_HEAD = "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time cs-method cs-uri-stem sc-status\n";
    static final String OK_LINE = "2021-03-04 10:00:00 GET /owa/ 200\n";

    record Read(List<Record> records, List<Diagnostic> problems, boolean complete) {}

    static Read read(String path, InputStream in) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        try (RecordStream s = LogFiles.open(path, in, problems::add).orElseThrow()) {
            s.forEachRemaining(records::add);
            return new Read(records, problems, s.complete());
        }
    }

    @Test
    void aLineOfManyMegabytesIsSkippedWithoutHoldingItAndTheNextLineIsRead() throws IOException {
        long huge = 64L << 20;   // 64 MiB of one line, generated on the fly: never in memory at once
        InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream((IIS_HEAD + "2021-03-04 10:00:00 GET /").getBytes(StandardCharsets.US_ASCII)),
                new Repeat((byte) 'a', huge),
                new ByteArrayInputStream((" 200\n" + OK_LINE).getBytes(StandardCharsets.US_ASCII)))));
        long before = usedHeap();
        Read r = read("W3SVC1/u_ex210304.log", in);
        assertThat(usedHeap() - before).as("heap grown").isLessThan(32L << 20);
        assertThat(r.records()).hasSize(1);
        assertThat(r.records().get(0).source().line()).isEqualTo(4);
        assertThat(r.problems()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("log.line-too-long");
            assertThat(d.isError()).isTrue();
            assertThat(d.where().line()).isEqualTo(3);
            assertThat(d.message()).contains(Long.toString(huge + 29));
        });
        assertThat(r.complete()).isTrue();
    }

    @Test
    void aFloodOfBadLinesIsCappedWithOneSummaryAtErrorLevel() throws IOException {
        StringBuilder s = new StringBuilder(IIS_HEAD);
        for (int i = 0; i < 5_000; i++) s.append("junk\n");
        s.append(OK_LINE);
        Read r = read("W3SVC1/u_ex210304.log", new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.records()).hasSize(1);
        assertThat(r.problems()).hasSize(LogLimits.PROBLEMS_PER_FILE + 1);
        Diagnostic last = r.problems().get(r.problems().size() - 1);
        assertThat(last.code()).isEqualTo("log.problems-capped");
        assertThat(last.isError()).isTrue();
        assertThat(last.message()).startsWith((5_000 - LogLimits.PROBLEMS_PER_FILE) + " more problems");
        // and a run's collector keeps every one of them, the summary included
        Diagnostics collected = new Diagnostics();
        r.problems().forEach(collected::add);
        assertThat(collected.all()).hasSize(Limits.DIAGNOSTICS_PER_FILE).contains(last);
    }

    @Test
    void aQuoteThatNeverClosesCostsOneLineNotTheRestOfTheFile() throws IOException {
        StringBuilder s = new StringBuilder("#Software: Microsoft Exchange Server\n#Log-type: HttpProxy Logs\n"
                + "#Fields: DateTime,ClientIpAddress,UrlStem\n"
                + "2021-03-04T01:00:00.000Z,10.1.2.3,\"/owa/never closed\n");
        for (int i = 0; i < 200; i++) s.append("2021-03-04T01:00:01.000Z,10.1.2.").append(i).append(",/owa/\n");
        Read r = read("x.log", new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.records()).hasSize(201);
        assertThat(r.records().get(0).field("UrlStem")).isEqualTo("/owa/never closed");
        assertThat(r.records().get(200).field("ClientIpAddress")).isEqualTo("10.1.2.199");
        assertThat(r.problems()).extracting(Diagnostic::code).containsExactly("csv.unterminated-quote");
    }

    @Test
    void aFileOfBinaryJunkGivesNoRecordsAndSaysWhy() throws IOException {
        byte[] junk = new byte[200_000];
        new java.util.Random(7).nextBytes(junk);
        Read r = read("Logging/HttpProxy/Ecp/HttpProxy_2021030306-1.LOG", new ByteArrayInputStream(junk));
        assertThat(r.records()).isEmpty();
        assertThat(r.problems()).isNotEmpty().allSatisfy(d -> assertThat(d.isError()).isTrue());
        assertThat(r.problems()).extracting(Diagnostic::code).contains("log.binary-line");
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** {@code n} copies of one byte, produced as read. */
    static final class Repeat extends InputStream {
        private final byte value;
        private long left;

        Repeat(byte value, long n) {
            this.value = value;
            this.left = n;
        }

        @Override
        public int read() {
            if (left == 0) return -1;
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) return -1;
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
