package org.exhunt.hunt.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.exhunt.testkit.pe.PeImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ExSetup.exe of each example image is exactly what the testkit writes for its build (examples/README.md). */
class ExampleExSetupTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hafnium-webshell, 15, 1, 2176, 2", "clean, 15, 1, 2507, 72"})
    void theCommittedFileIsTheTestkitsImageOfItsBuild(String example, int major, int minor, int build, int revision)
            throws Exception {
        Path file = Path.of(System.getProperty("exhunt.root", ".."), "examples", example,
                "Program Files/Microsoft/Exchange Server/V15/Bin/ExSetup.exe");
        byte[] committed = Files.readAllBytes(file);
        assertThat(committed).isEqualTo(PeImage.exSetup(major, minor, build, revision).bytes());
        assertThat(PeVersionReader.read(committed).fileVersion()).hasToString(major + "." + minor + "." + build + "." + revision);
    }
}
