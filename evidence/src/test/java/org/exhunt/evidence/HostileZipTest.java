package org.exhunt.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.evidence.zip.ArchiveLimits;
import org.exhunt.testkit.zip.CraftedZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7: hostile zips are contained: each bad entry gets a positioned message, the rest is read. */
class HostileZipTest {

    private static final String GOOD = "C/inetpub/wwwroot/aspnet_client/good.aspx";

    @TempDir
    Path tmp;

    @Test
    void namesThatCouldPoseAsAnotherPathAreRefusedOneByOne() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        Map<String, String> slips = Map.of(
                "../../evil.aspx", "'..' segment (path traversal)",
                "C/../../inetpub/evil.aspx", "'..' segment (path traversal)",
                "C\\..\\..\\evil.aspx", "'..' segment (path traversal)",
                "/etc/cron.d/evil", "absolute path",
                "\\\\server\\share\\evil.aspx", "absolute path",
                "C:/Windows/System32/evil.dll", "drive letter",
                "C/inetpub/a\u0000b.aspx", "control character in name",
                "C/inetpub//double.aspx", "empty segment");
        slips.keySet().forEach(name -> z.add(name, "evil"));

        Walk walk = walk(z, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/wwwroot/aspnet_client/good.aspx");
        List<Diagnostic> refused = walk.errors();
        assertThat(refused).hasSize(slips.size()).allSatisfy(d -> {
            assertThat(d.code()).isEqualTo("source.unsafe-name");
            assertThat(d.where().hasOffset()).as("positioned at the entry's local header").isTrue();
        });
        // Commons Compress shows backslashes of DOS-made entries as '/', as Windows would
        slips.forEach((name, why) -> assertThat(refused).anySatisfy(d -> assertThat(d.message())
                .contains("'" + DrivePath.printable(name.replace('\\', '/')) + "' not read: " + why)));
    }

    @Test
    void anEntryOverTheRatioCapIsABombAndIsNotRead() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/pagefile.sys", new byte[(64 << 20) + (1 << 20)]); // 65 MiB of zeros: ~1000 : 1

        Walk walk = walk(z, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/wwwroot/aspnet_client/good.aspx");
        assertThat(walk.only("archive.bomb").message()).contains("'C/pagefile.sys'").contains("above the cap of 200");
    }

    @Test
    void anEntryThatLiesAboutItsSizeStopsAtTheDeclaredSize() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/inetpub/small.txt", new byte[1 << 20]).declaredSize(10);

        EvidenceFile liar = walk(z, ArchiveLimits.DEFAULTS).files().stream()
                .filter(f -> f.drivePath().equals("inetpub/small.txt")).findFirst().orElseThrow();

        assertThat(liar.size()).isEqualTo(10);
        try (InputStream in = liar.open()) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("expands past its declared size of 10 bytes");
        }
    }

    @Test
    void entriesSharingOneBlockOfDataAreRefused() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/kernel.bin", new byte[4096]).listedTimes(3);           // three entries, one local header
        z.add("C/reaches.bin", "x").declaredCompressedSize(3 + 10);      // data runs into the next header
        z.add("C/after.txt", "after");

        Walk walk = walk(z, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/wwwroot/aspnet_client/good.aspx", "C:/after.txt");
        assertThat(walk.errors()).hasSize(4).allSatisfy(d -> {
            assertThat(d.code()).isEqualTo("archive.bomb");
            assertThat(d.message()).contains("overlaps another entry");
        });
    }

    @Test
    void nestedArchivesAreOpenedInPlaceUpToTheCap() throws Exception {
        CraftedZip level3 = new CraftedZip();
        level3.add("C/inetpub/three.txt", "three");
        CraftedZip level2 = new CraftedZip();
        level2.add("C/inetpub/two.txt", "two");
        level2.add("level3.zip", level3.bytes());
        CraftedZip level1 = new CraftedZip();
        level1.add("C/inetpub/one.txt", "one");
        level1.add("level2.zip", level2.bytes());             // deflated: read in memory
        CraftedZip outer = new CraftedZip();
        outer.add("level1.zip", level1.bytes()).stored();      // stored: read in place
        Path zip = Files.write(tmp.resolve("outer.zip"), outer.bytes());

        Walk walk = Walk.of(new ZipSource(zip));

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/one.txt", "C:/inetpub/two.txt");
        assertThat(walk.files()).extracting(f -> f.ref().file()).contains(
                zip + "!/level1.zip!/level2.zip!/C/inetpub/two.txt");
        Diagnostic nesting = walk.only("archive.nesting");
        assertThat(nesting.message()).contains("'level3.zip' is an archive 3 levels deep; not opened (the cap is 2 levels)");
        assertThat(nesting.where().file()).isEqualTo(zip + "!/level1.zip!/level2.zip");
    }

    @Test
    void aNestedCompressedArchiveOverTheMemoryCapIsNotOpened() throws Exception {
        CraftedZip inner = new CraftedZip();
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        inner.add("C/inetpub/inner.txt", noise);
        CraftedZip outer = new CraftedZip();
        outer.add("deflated.zip", inner.bytes());
        outer.add("stored.zip", inner.bytes()).stored();

        Walk walk = walk(outer, limits(Long.MAX_VALUE, Long.MAX_VALUE, 1000));

        assertThat(walk.files()).extracting(f -> f.ref().file()).singleElement().asString().endsWith("stored.zip!/C/inetpub/inner.txt");
        assertThat(walk.only("archive.nested-too-large").message()).contains("'deflated.zip'").contains("extract it");
    }

    /**
     * Issue 20, item 3: an end record that understates the central directory's size made the directory read as empty
     * (or short), without a word. The count it declares exposes the lie; the entries are then found from their local
     * headers. (One that overstates it is read whole by Commons Compress: nothing is missed.)
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "directory size off by {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {-1, -40, -87}) // -87: GOOD's whole header (46 + its name)
    void aDirectorySizeTheEndRecordUnderstatesIsCaughtAndTheEntriesReadFromTheirHeaders(long error) throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/inetpub/wwwroot/iisstart.htm", "<html>iis</html>");
        z.directorySizeOffBy(error);

        Walk walk = walk(z, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/wwwroot/aspnet_client/good.aspx", "C:/inetpub/wwwroot/iisstart.htm");
        assertThat(walk.only("archive.central-directory").message()).startsWith("the end record declares 2 entries,"
                + " the central directory lists").contains("2 entries were found from their local headers");
    }

    @Test
    void encryptedEntriesAreCountedInOneMessageAndListedButNotRead() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/Windows/System32/config/SAM", "secret").encrypted();
        z.add("C/Windows/System32/config/SYSTEM", "secret").encrypted();

        Walk walk = walk(z, ArchiveLimits.DEFAULTS);

        // their names and places are known (issue 20: a shell in aspnet_client is one whatever its content)
        assertThat(walk.files()).extracting(EvidenceFile::drivePath).containsExactly(
                "inetpub/wwwroot/aspnet_client/good.aspx", "Windows/System32/config/SAM", "Windows/System32/config/SYSTEM");
        EvidenceFile sam = walk.files().get(1);
        assertThat(sam.size()).isEqualTo(6);
        assertThatThrownBy(sam::open).isInstanceOf(IOException.class)
                .hasMessage("entry 'C/Windows/System32/config/SAM' is encrypted; exhunt has no key");
        Diagnostic encrypted = walk.only("archive.encrypted");
        assertThat(encrypted.isError()).isTrue();
        assertThat(encrypted.message()).startsWith("2 encrypted entries not read (e.g. C/Windows/System32/config/SAM,");
    }

    @Test
    void anUnsupportedMethodIsNamed() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/inetpub/ppmd.txt", "packed").method(98);

        Walk walk = walk(z, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/wwwroot/aspnet_client/good.aspx");
        assertThat(walk.only("archive.unsupported-method").message()).contains("'C/inetpub/ppmd.txt' compressed with PPMD");
    }

    @Test
    void aTruncatedArchiveIsReadFromItsLocalHeaders() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/inetpub/stored.txt", "stored content").stored();
        z.add("C/inetpub/cut.log", "y".repeat(10_000) + "z".repeat(10_000));
        int centralDirectory = z.centralDirectoryOffset();
        byte[] torn = java.util.Arrays.copyOf(z.bytes(), centralDirectory - 20); // cut inside the last entry's data

        Walk walk = walk(torn, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).isEqualTo(Map.of(
                "C:/inetpub/wwwroot/aspnet_client/good.aspx", Walk.sha256("good".getBytes()),
                "C:/inetpub/stored.txt", Walk.sha256("stored content".getBytes())));
        assertThat(walk.only("archive.central-directory").message()).contains("3 entries were found from their local headers");
        assertThat(walk.only("archive.damaged").message()).contains("'C/inetpub/cut.log' damaged");
    }

    @Test
    void aCorruptCentralDirectoryFallsBackToTheLocalHeaders() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/inetpub/two.txt", "two");
        byte[] bytes = z.bytes();
        bytes[z.centralDirectoryOffset()] = 'X'; // the first central header's signature

        Walk walk = walk(bytes, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/wwwroot/aspnet_client/good.aspx", "C:/inetpub/two.txt");
        assertThat(walk.codes()).contains("archive.central-directory");
    }

    @Test
    void aCrcMismatchFailsTheReadWithItsReason() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add("C/inetpub/flipped.txt", "content").declaredCrc(0x12345678L);

        EvidenceFile f = walk(z, ArchiveLimits.DEFAULTS).files().get(0);

        try (InputStream in = f.open()) {
            assertThatThrownBy(in::readAllBytes).hasMessageContaining("fails its CRC check (declared 12345678");
        }
    }

    @Test
    void somethingThatIsNoZipIsReportedNotThrown() throws Exception {
        Walk walk = walk("this is not a zip archive at all".getBytes(), ArchiveLimits.DEFAULTS);
        assertThat(walk.files()).isEmpty();
        assertThat(walk.only("archive.unreadable").message()).startsWith("not read: not a zip archive");
    }

    @Test
    void theEntryCountIsCheckedBeforeTheCentralDirectoryIsRead() throws Exception {
        CraftedZip z = new CraftedZip();
        for (int i = 0; i < 5; i++) z.add("C/f" + i, "x");
        ArchiveLimits three = new ArchiveLimits(2, 3, 1 << 20, Long.MAX_VALUE, Long.MAX_VALUE, 200, 1 << 20, 1 << 20);

        Walk walk = walk(z, three);

        assertThat(walk.files()).isEmpty();
        assertThat(walk.only("archive.too-many-entries").message()).contains("lists 5 entries");
    }

    @Test
    void theSizeCapsApplyPerEntryAndPerArchive() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add("C/a.txt", "a".repeat(60));
        z.add("C/b.txt", "b".repeat(60));
        z.add("C/huge.txt", "h".repeat(200));

        Walk walk = walk(z, limits(100, 150, Long.MAX_VALUE));

        assertThat(walk.hashes()).containsOnlyKeys("C:/a.txt");
        assertThat(walk.errors()).extracting(Diagnostic::message).containsExactly(
                "entry 'C/b.txt' would take the archive's entries past 100 bytes in all, the cap for one archive; not read",
                "entry 'C/huge.txt' declares 200 bytes, above the cap of 150 for one entry; not read");
    }

    @Test
    void symbolicLinksInsideArchivesAreNotFollowed() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add(GOOD, "good");
        z.add("C/inetpub/link.aspx", "/etc/passwd").symlink();

        Walk walk = walk(z, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/wwwroot/aspnet_client/good.aspx");
        assertThat(walk.only("source.symlink").message()).contains("'C/inetpub/link.aspx' is a symbolic link");
    }

    @Test
    void urlEncodedNamesThatDecodeToSeparatorsAreRefused() throws Exception {
        CraftedZip z = new CraftedZip();
        z.add("uploads/auto/C%3A/inetpub/ok.txt", "ok");
        z.add("uploads/auto/C%3A/inetpub/%2E%2E/x.aspx", "dot-dot");
        z.add("uploads/auto/C%3A/inetpub/a%2Fb.aspx", "slash");
        z.add("uploads/auto/C%3A/inetpub/a%5Cb.aspx", "backslash");

        Walk walk = walk(z, ArchiveLimits.DEFAULTS);

        assertThat(walk.hashes()).containsOnlyKeys("C:/inetpub/ok.txt");
        assertThat(walk.errors()).hasSize(3).allSatisfy(d -> assertThat(d.message()).contains("which is no file name"));
    }

    @Test
    void namesWithoutTheUtf8FlagAreReadAsTheirWriterMeantThem() throws Exception {
        CraftedZip z = new CraftedZip().nameCharset("IBM437");
        z.add("C/inetpub/Über.txt", "cp437").unflagged();
        z.add("C/inetpub/plain.txt", "ascii").unflagged();

        assertThat(walk(z, ArchiveLimits.DEFAULTS).hashes()).containsOnlyKeys("C:/inetpub/Über.txt", "C:/inetpub/plain.txt");
    }

    private static ArchiveLimits limits(long total, long entry, long nestedInMemory) {
        return new ArchiveLimits(2, 1000, 1 << 20, entry, total, 200, 1 << 20, nestedInMemory);
    }

    private Walk walk(CraftedZip zip, ArchiveLimits limits) throws IOException {
        return walk(zip.bytes(), limits);
    }

    private Walk walk(byte[] bytes, ArchiveLimits limits) throws IOException {
        Path zip = Files.write(tmp.resolve("evidence.zip"), bytes);
        return Walk.of(new ZipSource(zip, limits));
    }
}
