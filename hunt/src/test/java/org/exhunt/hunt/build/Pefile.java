package org.exhunt.hunt.build;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhunt.core.testing.TestEnvironment;
import org.junit.jupiter.api.Assumptions;

/**
 * The independent oracle for PE version resources: Python's {@code pefile} (Debian {@code python3-pefile}), run on
 * the same bytes. Prints the fixed file version, then {@code key=value} for each string of the first table.
 */
final class Pefile {

    private static final String SCRIPT = String.join("\n",
            "import sys, pefile",
            "pe = pefile.PE(sys.argv[1])",
            "f = pe.VS_FIXEDFILEINFO[0]",
            "print('%d.%d.%d.%d' % (f.FileVersionMS >> 16, f.FileVersionMS & 0xFFFF, f.FileVersionLS >> 16, f.FileVersionLS & 0xFFFF))",
            "for fi in pe.FileInfo[0]:",
            "    if fi.Key == b'StringFileInfo':",
            "        for k, v in fi.StringTable[0].entries.items():",
            "            print(k.decode('utf-8') + '=' + v.decode('utf-8'))");

    private static String python;

    private Pefile() {}

    /** pefile's reading of the file: the version line, then one line per string. */
    static List<String> read(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python(), "-c", SCRIPT, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) throw new AssertionError("pefile failed: " + out);
        return out.lines().toList();
    }

    private static synchronized String python() throws IOException, InterruptedException {
        if (python != null) return python;
        for (String candidate : new String[] {"/usr/bin/python3", TestEnvironment.tool("python3", "python3-pefile").toString()}) {
            if (!Files.isExecutable(Path.of(candidate))) continue;
            Process p = new ProcessBuilder(candidate, "-c", "import pefile").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0) return python = candidate;
        }
        String message = "needs Python's pefile (apt-get install python3-pefile)";
        if (TestEnvironment.inCi()) fail(message + " — CI=true, so this is a failure, not a skip");
        Assumptions.abort("skipped: " + message);
        throw new AssertionError("unreachable");
    }
}
