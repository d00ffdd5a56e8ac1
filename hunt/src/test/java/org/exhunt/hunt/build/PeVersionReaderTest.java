package org.exhunt.hunt.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.exhunt.testkit.pe.PeImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeVersionReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsTheFixedFileVersionAndTheStringsOfExSetup() throws Exception {
        PeVersion v = PeVersionReader.read(PeImage.exSetup(15, 1, 2176, 2).bytes());
        assertThat(v.fileVersion()).hasToString("15.1.2176.2");
        assertThat(v.productVersion()).hasToString("15.1.2176.2");
        assertThat(v.string("FileVersion")).isEqualTo("15.01.2176.002");
        assertThat(v.string("ProductName")).isEqualTo("Microsoft\u00ae Exchange");
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void readsPe32PlusImagesAndOtherLanguages() throws Exception {
        PeVersion v = PeVersionReader.read(PeImage.builder().pe32Plus().fileVersion(15, 2, 1748, 49)
                .productVersion(15, 2, 0, 0).language("040704b0").string("ProductName", "X").build().bytes());
        assertThat(v.fileVersion()).hasToString("15.2.1748.49");
        assertThat(v.productVersion()).hasToString("15.2.0.0");
        assertThat(v.strings()).containsExactlyEntriesOf(java.util.Map.of("ProductName", "X"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"15.1.2176.2, false", "15.2.1748.49, true", "14.3.513.0, false", "65535.65535.65535.65535, true", "0.0.0.0, false"})
    void agreesWithPefileOnTheSameBytes(String version, boolean pe32Plus) throws Exception {
        int[] p = Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
        PeImage.Builder builder = PeImage.builder().fileVersion(p[0], p[1], p[2], p[3]).productVersion(1, 2, 3, 4)
                .string("CompanyName", "Example \u00c9diteur").string("FileVersion", version);
        if (pe32Plus) builder.pe32Plus();
        Path file = tmp.resolve("x.exe");
        Files.write(file, builder.build().bytes());

        PeVersion ours = PeVersionReader.read(Files.readAllBytes(file));
        List<String> theirs = new ArrayList<>();
        theirs.add(ours.fileVersion().toString());
        ours.strings().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> theirs.add(e.getKey() + "=" + e.getValue()));
        List<String> pefile = new ArrayList<>(Pefile.read(file));
        List<String> pefileStrings = new ArrayList<>(pefile.subList(1, pefile.size()));
        pefileStrings.sort(null);
        pefile = new ArrayList<>(List.of(pefile.get(0)));
        pefile.addAll(pefileStrings);
        assertThat(theirs).isEqualTo(pefile);
        assertThat(pefile.get(0)).isEqualTo(version);
    }

    /** Damage one field of a valid image; the reader answers with a stable code and says what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ELF magic instead of MZ        | pe.not-pe    | not a PE file: no MZ signature",
        "e_lfanew past the end          | pe.truncated | PE header (e_lfanew = 0xfffffff0) runs past the end of the file",
        "PE signature damaged           | pe.not-pe    | not a PE file: no PE signature at 0x40",
        "no sections                    | pe.malformed | 0 sections (expected 1 to 96)",
        "65535 sections                 | pe.malformed | 65535 sections (expected 1 to 96)",
        "unknown optional magic         | pe.malformed | unknown optional header magic 0x1234",
        "no resource directory          | pe.no-version| no resources",
        "resources in no section        | pe.malformed | RVA 0x9000 is in no section",
        "65535 resource types           | pe.malformed | 65535 resource entries (cap 4096)",
        "icon instead of version        | pe.no-version| no version resource",
        "type entry is not a directory  | pe.malformed | RT_VERSION is not a directory",
        "name directory loops to root   | pe.malformed | version resource deeper than three levels",
        "data entry far outside         | pe.malformed | version data entry outside the resources",
        "version size past the end      | pe.truncated | version resource of 1048576 bytes runs past the end of the file",
        "version key damaged            | pe.malformed | version resource key is 'XS_VERSION_INFO'",
        "fixed signature damaged        | pe.malformed | fixed file version without its signature",
        "version block of zero bytes    | pe.malformed | version block of 0 bytes",
    })
    void aDamagedFieldIsReportedWithItsCode(String damage, String code, String message) {
        PeImage image = PeImage.exSetup(15, 1, 2176, 2);
        byte[] b = image.bytes().clone();
        int r = image.resources();
        int directories = image.optionalHeader() + 96;
        switch (damage) {
            case "ELF magic instead of MZ" -> put32(b, 0, 0x464C457F);
            case "e_lfanew past the end" -> put32(b, 0x3C, 0xFFFFFFF0L);
            case "PE signature damaged" -> b[image.peHeader()] = 'X';
            case "no sections" -> put16(b, image.peHeader() + 6, 0);
            case "65535 sections" -> put16(b, image.peHeader() + 6, 0xFFFF);
            case "unknown optional magic" -> put16(b, image.optionalHeader(), 0x1234);
            case "no resource directory" -> put32(b, directories + 16, 0);
            case "resources in no section" -> put32(b, directories + 16, 0x9000);
            case "65535 resource types" -> put16(b, r + 14, 0xFFFF);
            case "icon instead of version" -> put32(b, r + 16, 3);
            case "type entry is not a directory" -> put32(b, r + 20, 0x18);
            case "name directory loops to root" -> put32(b, r + 0x2C, 0x80000000L);
            case "data entry far outside" -> put32(b, r + 0x44, 0x7FFF0000L);
            case "version size past the end" -> put32(b, r + 0x4C, 1 << 20);
            case "version key damaged" -> b[image.versionInfo() + 6] = 'X';
            case "fixed signature damaged" -> b[image.versionInfo() + 40] ^= 0x55;
            case "version block of zero bytes" -> put16(b, image.versionInfo(), 0);
            default -> throw new AssertionError(damage);
        }
        assertThatThrownBy(() -> PeVersionReader.read(b)).isInstanceOfSatisfying(PeFormatException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
            assertThat(e.offset()).isBetween(0L, (long) b.length);
        });
    }

    @Test
    void aDamagedStringTableStillGivesTheVersionAndSaysWhatWasWrong() throws Exception {
        PeImage image = PeImage.exSetup(15, 1, 2176, 2);
        byte[] b = image.bytes().clone();
        int stringFileInfo = image.versionInfo() + 40 + 52;
        int table = stringFileInfo + 36;
        int firstString = table + 24;
        put16(b, firstString, 3);

        PeVersion v = PeVersionReader.read(b);
        assertThat(v.fileVersion()).hasToString("15.1.2176.2");
        assertThat(v.strings()).isEmpty();
        assertThat(v.problems()).singleElement().asString().startsWith("version block of 3 bytes at offset " + firstString);
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"0, pe.truncated, shorter than a DOS header (0 bytes)", "1, pe.truncated, shorter than a DOS header (1 bytes)",
        "2, pe.truncated, shorter than a DOS header (2 bytes)", "63, pe.truncated, shorter than a DOS header (63 bytes)"})
    void aFileShorterThanADosHeaderIsTruncated(int length, String code, String message) {
        byte[] b = Arrays.copyOf(PeImage.exSetup(15, 1, 2176, 2).bytes(), length);
        assertThatThrownBy(() -> PeVersionReader.read(b)).isInstanceOfSatisfying(PeFormatException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void everyTruncationIsAFormatErrorNeverACrash() {
        PeImage image = PeImage.exSetup(15, 1, 2176, 2);
        byte[] full = image.bytes();
        int versionEnd = image.versionInfo() + (full[image.versionInfo()] & 0xFF | (full[image.versionInfo() + 1] & 0xFF) << 8);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            Throwable t = catchThrowable(() -> PeVersionReader.read(cut));
            if (n < versionEnd) assertThat(t).as("cut at %d", n).isInstanceOf(PeFormatException.class);
            else assertThat(t).as("cut at %d", n).isNull();
        }
    }

    @Test
    void randomlyDamagedImagesNeverThrowAnythingButFormatErrors() {
        Random random = new Random(20210302);
        byte[] valid = PeImage.exSetup(15, 1, 2176, 2).bytes();
        int read = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            byte[] b = valid.clone();
            for (int k = 1 + random.nextInt(8); k > 0; k--) b[random.nextInt(0x300)] = (byte) random.nextInt(256);
            Throwable t = catchThrowable(() -> PeVersionReader.read(b));
            assertThat(t).as("mutation %d", i).satisfiesAnyOf(x -> assertThat(x).isNull(),
                    x -> assertThat(x).isInstanceOf(PeFormatException.class));
            if (t == null) read++;
        }
        assertThat(read).as("some mutations leave the version readable").isPositive();
        assertThat(System.nanoTime() - started).as("20,000 hostile files in under 10 s").isLessThan(10_000_000_000L);
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void put32(byte[] b, int at, long v) {
        put16(b, at, (int) (v & 0xFFFF));
        put16(b, at + 2, (int) (v >>> 16));
    }
}
