package org.exhunt.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which source a path becomes, and what is refused with what advice. */
class SourcesTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("server.vhdx", 0, "vhdxfile", "a VHDX disk image"),
                Arguments.of("disk.bin", 0, "conectix", "a VHD disk image"),
                Arguments.of("disk.vmdk", 0, "KDMV", "a VMDK disk image"),
                Arguments.of("flat.txt", 0, "# Disk DescriptorFile", "a VMDK disk image"),
                Arguments.of("ex01.E01", 0, "EVF\t\r\n\u00ff\0", "an EnCase (E01/Ex01) disk image"),
                Arguments.of("volume.bin", 3, "NTFS    ", "a raw disk or volume image (dd)"),
                Arguments.of("disk.bin", 512, "EFI PART", "a raw disk or volume image (dd)"),
                Arguments.of("ex01.dd", 0, "anything", "a raw disk or volume image (dd)"),
                Arguments.of("image.qcow2", 0, "QFI\u00fb", "a QCOW disk image"),
                Arguments.of("logs.7z", 0, "7z\u00bc\u00af\u0027\u001c", "a 7-Zip archive"),
                Arguments.of("logs.tar.gz", 0, "\u001f\u008b", "a gzip file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void diskImagesAndOtherArchivesAreRefusedWithAdvice(String name, int offset, String signature, String what) throws Exception {
        Path file = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(4096);
            f.seek(offset);
            f.write(signature.getBytes(StandardCharsets.ISO_8859_1));
        }
        assertThatThrownBy(() -> Sources.open(file)).isInstanceOf(UnsupportedEvidenceException.class)
                .hasMessageStartingWith(file + " is " + what)
                .hasMessageContaining(what.contains("image") ? "Mount the image read-only" : "Extract it");
    }

    @Test
    void aVhdIsKnownByItsFooterToo() throws Exception {
        Path file = tmp.resolve("fixed.img.bak");
        byte[] bytes = new byte[8192];
        System.arraycopy("conectix".getBytes(StandardCharsets.ISO_8859_1), 0, bytes, bytes.length - 512, 8);
        Files.write(file, bytes);
        assertThatThrownBy(() -> Sources.open(file)).hasMessageContaining("is a VHD disk image");
    }

    @Test
    void foldersZipsAndOtherFilesGetTheirSource() throws Exception {
        assertThat(Sources.open(tmp)).isInstanceOf(DirectorySource.class);
        assertThat(Sources.open(TriageLayouts.kapeZip(tmp.resolve("kape.zip")))).isInstanceOf(ZipSource.class);
        assertThat(Sources.open(TriageLayouts.jdkZip(tmp.resolve("collection.bin"), Map.of("C/x", new byte[1]))))
                .as("a zip by its signature, whatever its name").isInstanceOf(ZipSource.class);
        assertThat(Sources.open(Files.writeString(tmp.resolve("u_ex210303.log"), "#Fields: date\n")))
                .isInstanceOf(SingleFileSource.class);
        assertThatThrownBy(() -> Sources.open(tmp.resolve("missing"))).hasMessageContaining("no such file or directory");
    }

    @Test
    void aSingleFileStandsAtTheTopOfC() throws Exception {
        Path log = Files.writeString(tmp.resolve("u_ex210303.log"), "#Fields: date\n");
        Walk walk = Walk.of(Sources.open(log));
        assertThat(walk.files()).singleElement().satisfies(f -> assertThat(f.windowsPath()).isEqualTo("C:\\u_ex210303.log"));
        assertThat(walk.only("source.layout").message()).contains("its place on the server is unknown");
    }

    @Test
    void pathsSeenTwiceAcrossSourcesAreReportedAndBothRead() throws Exception {
        Path copy = TriageLayouts.driveCopy(tmp.resolve("copy"));
        Path kape = TriageLayouts.kapeZip(tmp.resolve("kape.zip"));
        java.util.List<EvidenceFile> files = new java.util.ArrayList<>();
        java.util.List<org.exhunt.core.Diagnostic> problems = new java.util.ArrayList<>();

        DriveView.walk(java.util.List.of(new DirectorySource(copy), new ZipSource(kape)), files::add, problems::add);

        int cFiles = TriageLayouts.drive('C').size();
        assertThat(files).hasSize(cFiles + TriageLayouts.FILES.size());
        assertThat(problems).filteredOn(d -> d.code().equals("source.duplicate-path")).hasSize(cFiles)
                .allSatisfy(d -> assertThat(d.where().file()).startsWith(kape + "!/C/"));
    }
}
