package org.exhunt.yara.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code yara} binary on rule text and data written to temporary files. */
final class YaraProcess {

    /** {@code yara}'s exit code and output. */
    record Result(int exitCode, String stdout, String stderr) {}

    private final Path yara;
    private final Path dir;

    YaraProcess(Path yara) throws IOException {
        this.yara = yara;
        this.dir = Files.createTempDirectory("exhunt-yara");
        dir.toFile().deleteOnExit();
    }

    Result run(String rules, byte[] data, String... options) throws IOException, InterruptedException {
        Path ruleFile = Files.createTempFile(dir, "rule", ".yar");
        Path dataFile = Files.createTempFile(dir, "data", ".bin");
        try {
            Files.writeString(ruleFile, rules, StandardCharsets.UTF_8);
            Files.write(dataFile, data);
            List<String> command = new ArrayList<>();
            command.add(yara.toString());
            command.addAll(List.of(options));
            command.add(ruleFile.toString());
            command.add(dataFile.toString());
            Process p = new ProcessBuilder(command).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("yara did not finish");
            }
            String stdout = new String(out, StandardCharsets.ISO_8859_1).replace(dataFile.toString(), "DATA");
            String stderr = new String(err, StandardCharsets.ISO_8859_1).replace(ruleFile.toString(), "RULES");
            return new Result(p.exitValue(), stdout, stderr);
        } finally {
            Files.deleteIfExists(ruleFile);
            Files.deleteIfExists(dataFile);
        }
    }
}
