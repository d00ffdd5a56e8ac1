package org.exhunt.yara.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.yara.CompileDiagnostic;
import org.exhunt.yara.ErrorCode;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraException;
import org.junit.jupiter.api.Test;

/**
 * Each signature-base file compiled alone, without external variables: the same files fail as with
 * {@code yara} (13 of them, each only with "undefined identifier" errors for the externals), the others
 * compile.
 */
class ExternalsRequiredTest {

    @Test
    void theFilesThatNeedExternalsFailCleanlyAsWithYara() throws Exception {
        Path yara = TestEnvironment.yara();
        List<Path> files = SignatureBaseDifferentialTest.ruleFiles(TestEnvironment.corpus("yara-rules/signature-base/yara"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> yaraFailures = new ArrayList<>();
        for (Path f : files) {
            yaraFailures.add(pool.submit(() -> {
                Process p = new ProcessBuilder(yara.toString(), "-w", f.toString(), f.toString())
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor() != 0 ? f.getFileName().toString() : null;
            }));
        }
        Set<String> expected = new TreeSet<>();
        for (Future<String> r : yaraFailures) if (r.get() != null) expected.add(r.get());
        pool.shutdown();

        Set<String> failing = new TreeSet<>();
        for (Path f : files) {
            try {
                new YaraCompiler().addFile(f).compile();
            } catch (YaraException e) {
                failing.add(f.getFileName().toString());
                for (CompileDiagnostic d : e.diagnostics()) {
                    if (d.error()) {
                        assertThat(d.code()).as("%s", d).isEqualTo(ErrorCode.UNDEFINED_IDENTIFIER);
                        assertThat(d.message()).matches("undefined identifier \"(filename|filepath|extension|filetype|owner)\"");
                        assertThat(d.line()).isPositive();
                    }
                }
            }
        }
        assertThat(expected).hasSize(13);
        assertThat(failing).containsExactlyElementsOf(expected);
    }
}
