package org.exhunt.logs.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exhunt.testkit.evtx.EvtxDamage.CHUNK;
import static org.exhunt.testkit.evtx.EvtxDamage.HEADER;
import static org.exhunt.testkit.evtx.EvtxDamage.le;
import static org.exhunt.testkit.evtx.EvtxDamage.recordOffsets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.testkit.evtx.EventSamples;
import org.exhunt.testkit.evtx.EvtxDamage;
import org.exhunt.testkit.evtx.EvtxEvent;
import org.exhunt.testkit.evtx.EvtxWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Damaged files, as incident responders get them (libevtx "Corruption scenarios"): each damage costs at
 * most the record or chunk it hits, with a positioned diagnostic; everything else is read.
 */
class DamagedFilesTest {

    private static byte[] clean;
    private static int total;

    @BeforeAll
    static void writeFile() {
        Iterator<EvtxEvent> mix = EventSamples.mix(Instant.parse("2021-03-02T00:00:00Z"));
        List<EvtxEvent> events = new ArrayList<>();
        for (int i = 0; i < 1200; i++) events.add(mix.next());
        clean = EvtxWriter.toBytes(events);
        total = events.size();
        assertThat(chunkCount(clean)).as("the test file spans several chunks").isGreaterThanOrEqualTo(3);
    }

    @Test
    void cleanFileHasNoDiagnostics() {
        Evtx read = Evtx.read(clean);
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.records()).hasSize(total);
    }

    @Test
    void dirtyHeaderThatUnderCountsChunksStillReadsThemAll() {
        byte[] b = clean.clone();
        le(b).putShort(42, (short) 1).putInt(120, 1);   // one chunk, dirty; checksum left stale
        Evtx read = Evtx.read(b);
        assertThat(read.records()).hasSize(total);
        assertThat(read.codes()).containsExactlyInAnyOrder("evtx.header.checksum", "evtx.header.dirty", "evtx.header.chunk-count");
        assertThat(read.errors()).isEmpty();
    }

    @Test
    void destroyedFileHeaderStillReadsTheChunks() {
        byte[] b = clean.clone();
        Arrays.fill(b, 0, HEADER, (byte) 0);
        Evtx read = Evtx.read(b);
        assertThat(read.records()).hasSize(total);
        assertThat(read.codes()).containsExactly("evtx.header.signature");
    }

    @Test
    void badChunkHeaderChecksumIsReportedAndTheRecordsRead() {
        byte[] b = clean.clone();
        b[HEADER + CHUNK + 60] ^= 0x55;   // an unused header byte inside the checksummed range
        Evtx read = Evtx.read(b);
        assertThat(read.records()).hasSize(total);
        assertThat(read.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("evtx.chunk.header-checksum");
            assertThat(d.where().offset()).isEqualTo(HEADER + CHUNK + 124);
        });
    }

    @Test
    void corruptBinaryXmlCostsOneRecord() {
        byte[] b = clean.clone();
        int record = recordOffsets(b, 1).get(5);
        b[record + 24] = 0x7f;   // not a fragment header or any token
        Evtx read = Evtx.read(b);
        assertThat(read.records()).hasSize(total - 1);
        assertThat(read.codes()).containsExactlyInAnyOrder("evtx.chunk.data-checksum", "evtx.record.binxml");
        Diagnostic skipped = read.errors().get(0);
        assertThat(skipped.where().offset()).isEqualTo(record);
        assertThat(skipped.where().recordId()).isEqualTo(Long.toString(le(b).getLong(record + 8)));
        assertThat(skipped.message()).contains("unexpected token 0x7f").contains("at file offset " + (record + 24));
    }

    @Test
    void brokenRecordHeaderIsSkippedToTheNextRecord() {
        byte[] b = clean.clone();
        List<Integer> records = recordOffsets(b, 0);
        le(b).putInt(records.get(3) + 4, 0x7fff0000);   // an impossible size
        Evtx read = Evtx.read(b);
        assertThat(read.records()).hasSize(total - 1);
        Diagnostic d = read.errors().get(0);
        assertThat(d.code()).isEqualTo("evtx.record.header");
        assertThat(d.where().offset()).isEqualTo((long) records.get(3));
        assertThat(d.message()).contains((records.get(4) - records.get(3)) + " bytes skipped to the next record");
    }

    @Test
    void zeroesWhereRecordsShouldBeLoseOnlyThoseRecords() {
        byte[] b = clean.clone();
        List<Integer> records = recordOffsets(b, 1);
        int freeSpace = le(b).getInt(HEADER + CHUNK + 48);
        Arrays.fill(b, records.get(10), HEADER + CHUNK + freeSpace, (byte) 0);
        Evtx read = Evtx.read(b);
        assertThat(read.records()).hasSize(total - (records.size() - 10));
        assertThat(read.errors()).extracting(Diagnostic::code).containsExactly("evtx.chunk.zeroed");
    }

    @Test
    void chunkWithoutSignatureIsSkippedOrSearchedWhenRecovering() {
        byte[] b = clean.clone();
        int inChunk = recordOffsets(b, 1).size();
        Arrays.fill(b, HEADER + CHUNK, HEADER + CHUNK + 8, (byte) 0);
        Evtx standard = Evtx.read(b);
        assertThat(standard.records()).hasSize(total - inChunk);
        assertThat(standard.errors()).extracting(Diagnostic::code).containsExactly("evtx.chunk.signature");
        assertThat(standard.codes()).contains("evtx.header.chunk-count");

        Evtx recovering = Evtx.read(b, EvtxReader.recoveringSlack());
        assertThat(recovering.records()).hasSize(total);
        assertThat(recovering.codes()).contains("evtx.chunk.signature", "evtx.chunk.recovered");
    }

    @Test
    void recordsHiddenInSlackAreCountedOrRecovered() {
        byte[] b = clean.clone();
        EvtxDamage.hideInSlack(b, 0, 3);   // the last three records now lie in slack
        Evtx standard = Evtx.read(b);
        assertThat(standard.records()).hasSize(total - 3);
        assertThat(standard.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("evtx.chunk.slack");
            assertThat(d.message()).startsWith("3 record-like structures");
        });
        Evtx recovering = Evtx.read(b, EvtxReader.recoveringSlack());
        assertThat(recovering.records()).hasSize(total);
        assertThat(recovering.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("evtx.chunk.recovered");
            assertThat(d.message()).startsWith("3 records recovered");
        });
    }

    @Test
    void slackFullOfRecordLookalikesIsSearchedOnlyUpToTheCap() {
        byte[] b = clean.clone();
        int chunk = HEADER + 2 * CHUNK;
        for (int p = chunk; p + 8 <= chunk + CHUNK; p += 8) le(b).putInt(p, 0x00002a2a).putInt(p + 4, 0x400);
        Evtx read = Evtx.read(b, EvtxReader.recoveringSlack());
        assertThat(read.codes()).contains("evtx.chunk.signature", "evtx.chunk.recovery-capped");
        assertThat(read.records()).hasSize(total - recordOffsets(clean, 2).size());
    }

    @Test
    void truncatedFileKeepsWhatItHas() {
        int cut = HEADER + CHUNK + 30_000;
        Evtx read = Evtx.read(Arrays.copyOf(clean, cut));
        assertThat(read.records().size()).isBetween(recordOffsets(clean, 0).size() + 1, total - 1);
        assertThat(read.errors()).extracting(Diagnostic::code).contains("evtx.file.truncated");
        assertThat(read.errors().get(0).where().offset()).isEqualTo(cut);
    }

    @Test
    void emptyShortAndRandomFilesGiveDiagnosticsNotExceptions() {
        assertThat(Evtx.read(new byte[0]).codes()).containsExactly("evtx.file.truncated");
        assertThat(Evtx.read(new byte[100]).codes()).containsExactly("evtx.file.truncated");
        byte[] noise = new byte[HEADER + 3 * CHUNK];
        new Random(9).nextBytes(noise);
        Evtx read = Evtx.read(noise, EvtxReader.recoveringSlack());
        assertThat(read.records()).isEmpty();
        assertThat(read.codes()).containsExactly("evtx.header.signature", "evtx.chunk.signature",
                "evtx.chunk.signature", "evtx.chunk.signature");
    }

    @Test
    void ioFailureEndsTheStreamIncomplete() {
        InputStream failing = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(clean, 0, HEADER + CHUNK);

            @Override
            public int read() throws IOException {
                int c = in.read();
                if (c < 0) throw new IOException("device not ready");
                return c;
            }
        };
        Evtx read = Evtx.read("failing.evtx", failing, EvtxReader.standard());
        assertThat(read.complete()).isFalse();
        assertThat(read.records()).hasSize(recordOffsets(clean, 0).size());
        assertThat(read.errors()).extracting(Diagnostic::message).containsExactly("reading stopped: device not ready");
    }

    @Test
    void recordsKeepTheirPositionsForEvidence() {
        Record first = Evtx.read(clean).records().get(0);
        assertThat(first.source().file()).isEqualTo("test.evtx");
        assertThat(first.source().offset()).isEqualTo(HEADER + 512);
        assertThat(first.source().toString()).isEqualTo("test.evtx@4608#1");
    }

    private static int chunkCount(byte[] b) {
        return le(b).getShort(42);
    }
}
