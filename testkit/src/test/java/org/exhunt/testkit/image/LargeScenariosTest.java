package org.exhunt.testkit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan benchmark's image comes out at the size it is asked for, with each log over its own span. */
class LargeScenariosTest {

    @TempDir
    Path tmp;

    @Test
    void theImageHoldsAboutTheFilesAndLogBytesAskedFor() throws IOException {
        long logBytes = 12L << 20;
        Path drive = tmp.resolve("drive");
        ImageBuilder.write(LargeScenarios.twoIntrusions(1_500, logBytes), drive);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(drive)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        long logs = 0;
        for (Path f : files) {
            String p = drive.relativize(f).toString().replace('\\', '/');
            if (p.startsWith("inetpub/logs/") || p.contains("/V15/Logging/") || p.endsWith(".evtx")) logs += Files.size(f);
        }
        assertThat(files).hasSizeBetween(1_470, 1_500);
        assertThat((double) logs / logBytes).as("log bytes written against asked").isBetween(0.85, 1.15);
        assertThat(drive.resolve("inetpub/logs/LogFiles/W3SVC1/u_ex210222.log")).as("IIS from 2021-02-22").exists();
        assertThat(drive.resolve("inetpub/logs/LogFiles/W3SVC2/u_ex210823.log")).as("the back end's site").exists();
        Path httpProxy = drive.resolve("Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy/Mapi");
        assertThat(httpProxy.resolve("HttpProxy_2021072500-1.LOG")).as("HttpProxy's last 30 days").exists();
        assertThat(httpProxy.resolve("HttpProxy_2021072400-1.LOG")).doesNotExist();
    }
}
