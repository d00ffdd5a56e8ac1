package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exhunt.core.ServerResult;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.Sources;
import org.exhunt.hunt.examples.ExampleImages;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.scope.TimeWindow;
import org.exhunt.testkit.image.BuildTable;
import org.exhunt.testkit.image.ImageBuilder;
import org.exhunt.testkit.image.RandomScenarios;
import org.exhunt.testkit.image.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server's logs read in parts, each part shipped as a distributed run ships it (Java serialisation), and added to
 * the scan of the rest, give the result of the scan that reads every log itself: verdicts, findings, facts and the
 * problems met (these in no fixed order: a scan on several threads has none either).
 */
class SplitScanTest {

    private static Hunt hunt;

    @TempDir
    Path tmp;

    @BeforeAll
    static void rules() {
        // one thread: the order of equal-time matches fed to Sigma correlations is the order the logs are read in
        hunt = Hunt.with(RulePack.bundled(), new HuntOptions(null, List.of(), TimeWindow.ALL, Allowlist.NONE, 1, null,
                ScanProgress.SILENT));
    }

    static List<String> examples() throws IOException {
        return ExampleImages.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyLogFileReadApartGivesTheWholeScan(String example) throws Exception {
        assertSplitEqualsWhole(example, ExampleImages.image(example), 1);
    }

    @Test
    void partsOfSeveralLogsGiveTheWholeScanOnImagesNoTestHasSeen() throws Exception {
        BuildTable table = BuildTable.read(ExampleImages.buildTable());
        long seed = System.nanoTime();
        System.out.println("SplitScanTest: seed " + seed);
        for (int i = 0; i < 4; i++) {
            Scenario s = RandomScenarios.draw(seed + i, table);
            Path image = tmp.resolve("image-" + i);
            ImageBuilder.write(s, image);
            assertSplitEqualsWhole(s.name() + " (seed " + (seed + i) + ")", image, 3);
        }
    }

    /** Splits the server's logs into parts of {@code perPart} files, in the order the scan starts them. */
    private static void assertSplitEqualsWhole(String what, Path image, int perPart) throws Exception {
        ServerResult whole;
        try (EvidenceSource source = Sources.open(image)) {
            whole = hunt.scan("ex01", List.of(source));
        }
        List<LogFile> logs;
        List<LogsRead> parts = new ArrayList<>();
        try (EvidenceSource source = Sources.open(image)) {
            logs = hunt.logFiles("ex01", List.of(source));
        }
        for (int i = 0; i < logs.size(); i += perPart) {
            List<String> files = logs.subList(i, Math.min(logs.size(), i + perPart)).stream().map(LogFile::file).toList();
            try (EvidenceSource source = Sources.open(image)) {
                parts.add(shipped(hunt.readLogs("ex01", List.of(source), files)));
            }
        }
        Optional<ServerResult> split;
        try (EvidenceSource source = Sources.open(image)) {
            split = hunt.scan("ex01", List.of(source), parts);
        }
        assertThat(split).as("%s: the parts add up exactly", what).isPresent();
        ServerResult r = split.get();
        assertThat(r.verdicts()).as("%s: verdicts", what).isEqualTo(whole.verdicts());
        assertThat(r.findings()).as("%s: findings", what).isEqualTo(whole.findings());
        assertThat(r.facts()).as("%s: facts", what).isEqualTo(whole.facts());
        assertThat(r.inputs()).isEqualTo(whole.inputs());
        assertThat(r.diagnostics()).as("%s: problems", what).containsExactlyInAnyOrderElementsOf(whole.diagnostics());
        if (!logs.isEmpty()) assertThat(r.facts().scan().logs()).as("%s: coverage of the logs read apart", what).isNotEmpty();
        assertThat(shipped(whole)).as("%s: the whole result travels unchanged", what).isEqualTo(whole);
    }

    @SuppressWarnings("unchecked")
    private static <T> T shipped(T part) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(part);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
