package org.exhunt.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 7: every layout a responder receives resolves the same files to the same drive paths. */
class LayoutEquivalenceTest {

    @TempDir
    Path tmp;

    interface Layout {
        Path write(Path where) throws Exception;
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("copy of C:", (Layout) TriageLayouts::driveCopy, false, null),
                Arguments.of("copy of C: zipped", (Layout) p -> TriageLayouts.driveCopyZip(p.resolve("c.zip")), false, null),
                Arguments.of("KAPE folder", (Layout) TriageLayouts::kapeFolder, true,
                        "read as drive-letter folders (KAPE, CyLR): tout/C -> C:, tout/D -> D:"),
                Arguments.of("KAPE zip", (Layout) p -> TriageLayouts.kapeZip(p.resolve("kape.zip")), true,
                        "read as drive-letter folders (KAPE, CyLR): C -> C:, D -> D:"),
                Arguments.of("CyLR zip", (Layout) p -> TriageLayouts.cylrZip(p.resolve("EX01.zip")), true,
                        "read as drive-letter folders (KAPE, CyLR): C -> C:, D -> D:"),
                Arguments.of("Velociraptor zip", (Layout) p -> TriageLayouts.velociraptorZip(p.resolve("collection.zip")), true,
                        "read as a Velociraptor collection: uploads/auto/C%3A -> C:, uploads/ntfs/%5C%5C.%5CD%3A -> D:"),
                Arguments.of("Velociraptor folder", (Layout) TriageLayouts::velociraptorFolder, true,
                        "read as a Velociraptor collection: Collection-EX01-2021-03-03T04_05_06Z/uploads/auto/C%3A -> C:,"
                                + " Collection-EX01-2021-03-03T04_05_06Z/uploads/ntfs/%5C%5C.%5CD%3A -> D:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void sameFilesSameDrivePaths(String name, Layout layout, boolean withD, String layoutNote) throws Exception {
        Path evidence = layout.write(tmp);
        try (EvidenceSource source = Sources.open(evidence)) {
            Walk walk = Walk.of(source);

            assertThat(walk.hashes()).isEqualTo(TriageLayouts.expectedHashes(withD));
            assertThat(walk.errors()).isEmpty();
            if (layoutNote == null) {
                assertThat(walk.codes()).doesNotContain("source.layout");
            } else {
                assertThat(walk.only("source.layout").message()).isEqualTo(layoutNote);
                assertThat(walk.only("source.layout").level()).isEqualTo(Diagnostic.Level.INFO);
            }
            assertThat(walk.files()).allSatisfy(f -> assertThat(f.modified()).isEqualTo(TriageLayouts.TIME));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void windowsPathsNameTheDrive(String name, Layout layout, boolean withD, String layoutNote) throws Exception {
        try (EvidenceSource source = Sources.open(layout.write(tmp))) {
            assertThat(Walk.of(source).files()).extracting(EvidenceFile::windowsPath)
                    .contains("C:\\inetpub\\wwwroot\\aspnet_client\\日本語.ashx")
                    .contains("C:\\Users\\Ådmin\\Desktop\\über shell #1 %41.aspx");
            if (withD) {
                assertThat(Walk.of(source).files()).extracting(EvidenceFile::windowsPath)
                        .contains("D:\\Exchange\\V15\\Logging\\HttpProxy\\Owa\\HttpProxy_2021030304-1.LOG");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void collectorFilesAreNotedNotScanned(String name, Layout layout, boolean withD, String layoutNote) throws Exception {
        try (EvidenceSource source = Sources.open(layout.write(tmp))) {
            Walk walk = Walk.of(source);
            if (layoutNote == null || name.startsWith("CyLR")) {
                assertThat(walk.codes()).doesNotContain("source.outside-drives");
            } else {
                assertThat(walk.only("source.outside-drives").message()).contains("not part of the server's drives");
            }
        }
    }
}
