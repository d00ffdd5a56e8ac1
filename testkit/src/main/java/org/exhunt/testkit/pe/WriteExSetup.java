package org.exhunt.testkit.pe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the synthetic {@code ExSetup.exe} of an example image:
 * {@code java -cp testkit/target/classes org.exhunt.testkit.pe.WriteExSetup 15.1.2176.2 path/to/ExSetup.exe}.
 */
public final class WriteExSetup {

    private WriteExSetup() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: WriteExSetup MAJOR.MINOR.BUILD.REVISION FILE");
            System.exit(2);
        }
        PeImage image = PeImage.exSetup(args[0]);
        Files.write(Path.of(args[1]), image.bytes());
    }
}
