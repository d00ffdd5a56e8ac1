package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exhunt rules compile} and {@code --compiled-rules}: every command prints exactly what it prints from the
 * rule files, whether the compiled rules are used, stale or damaged; only a note on standard error says which.
 */
class CompiledRulesCommandTest {

    @TempDir
    Path dir;

    private Path rules;
    private Path compiled;

    private static final String RULE = SigmaSamples.WHOAMI_RULE;

    @BeforeEach
    void writeRules() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("whoami.yml"), RULE);
        Files.writeString(rules.resolve("linux.yml"), RULE.replace("product: windows", "product: linux").replace("1111", "2222"));
        Files.writeString(rules.resolve("placeholder.yml"), RULE.replace("Image|endswith: '\\whoami.exe'", "User|expand: '%Admins%'")
                .replace("1111", "3333"));
        Files.writeString(rules.resolve("broken.yml"), RULE.replace("endswith", "endswiht").replace("1111", "4444"));
        Files.writeString(rules.resolve("filter.yml"), """
                title: admins
                logsource: {product: windows, category: process_creation}
                filter: {rules: [11111111-2222-3333-4444-555555555555], f: {User: admin}, condition: f}
                ---
                title: twice
                id: c-1
                correlation: {type: event_count, rules: [11111111-2222-3333-4444-555555555555], group-by: [User], timespan: 1h, condition: {gte: 2}}
                generate: true
                """);
        compiled = dir.resolve("rules.compiled");
    }

    @Test
    void compileReportsAsCheckDoesAndCheckReportsTheSameFromIt() {
        CliRun check = CliRun.of("rules", "check", rules.toString());
        CliRun compile = CliRun.of("rules", "compile", "-o", compiled.toString(), rules.toString());
        assertThat(compile.code()).isEqualTo(check.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(compile.out()).isEqualTo(check.out() + "compiled rules of 5 files written to " + compiled + "\n");
        assertThat(compiled).isRegularFile();

        CliRun fromCompiled = CliRun.of("rules", "check", "--compiled-rules", compiled.toString(), rules.toString());
        assertThat(fromCompiled.out()).isEqualTo(check.out());
        assertThat(fromCompiled.err()).isEmpty();
        assertThat(fromCompiled.code()).isEqualTo(check.code());
    }

    @Test
    void aChangedFileIsReadAndSaidSo() throws IOException {
        CliRun.of("rules", "compile", "-o", compiled.toString(), rules.toString());
        Files.writeString(rules.resolve("broken.yml"), RULE.replace("1111", "4444"));
        CliRun check = CliRun.of("rules", "check", rules.toString());
        CliRun fromCompiled = CliRun.of("rules", "check", "--compiled-rules", compiled.toString(), rules.toString());
        assertThat(fromCompiled.out()).isEqualTo(check.out()).contains("not loaded: 0");
        assertThat(fromCompiled.err()).isEqualTo("exhunt: compiled rules " + compiled
                + ": 1 of 5 rule files changed or added since they were compiled were read\n");
    }

    @Test
    void aDamagedFileOrOneForOtherPlaceholdersIsNotUsedAndSaidSo() throws IOException {
        CliRun check = CliRun.of("rules", "check", rules.toString());
        CliRun.of("rules", "compile", "-o", compiled.toString(), rules.toString());
        byte[] bytes = Files.readAllBytes(compiled);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(compiled, bytes);
        CliRun damaged = CliRun.of("rules", "check", "--compiled-rules", compiled.toString(), rules.toString());
        assertThat(damaged.out()).isEqualTo(check.out());
        assertThat(damaged.err()).isEqualTo("exhunt: compiled rules " + compiled
                + " not used (damaged (its checksum does not match)); the rule files were read\n");

        Path placeholders = Files.writeString(dir.resolve("p.yml"), "Admins: [adm*]\n");
        CliRun.of("rules", "compile", "-o", compiled.toString(), rules.toString());
        CliRun other = CliRun.of("rules", "check", "--placeholders", placeholders.toString(), "--compiled-rules", compiled.toString(),
                rules.toString());
        assertThat(other.out()).isEqualTo(CliRun.of("rules", "check", "--placeholders", placeholders.toString(), rules.toString()).out());
        assertThat(other.err()).contains("not used (written by another build of exhunt or for other placeholder values)");
    }

    @Test
    void sigmaAndScanGiveTheSameFromCompiledRules() throws IOException {
        CliRun.of("rules", "compile", "-o", compiled.toString(), rules.toString());
        Path events = Files.writeString(dir.resolve("events.json"), SigmaSamples.WHOAMI_EVENT);
        CliRun sigma = CliRun.of("sigma", "-r", rules.toString(), events.toString());
        CliRun sigmaCompiled = CliRun.of("sigma", "-r", rules.toString(), "--compiled-rules", compiled.toString(), events.toString());
        assertThat(sigmaCompiled.out()).isEqualTo(sigma.out()).contains("Whoami Execution");
        assertThat(sigmaCompiled.err()).isEqualTo(sigma.err());
        assertThat(sigmaCompiled.code()).isEqualTo(sigma.code());

        String image = Examples.example("clean").toString();
        CliRun scan = CliRun.of("scan", "--no-progress", "--sigma", rules.toString(), image);
        CliRun scanCompiled = CliRun.of("scan", "--no-progress", "--sigma", rules.toString(), "--compiled-rules", compiled.toString(), image);
        assertThat(scanCompiled.out()).isEqualTo(scan.out()).contains("broken.yml");
        assertThat(scanCompiled.code()).isEqualTo(scan.code());
        assertThat(scanCompiled.err()).isEmpty();
    }
}
