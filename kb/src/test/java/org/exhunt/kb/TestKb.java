package org.exhunt.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The knowledge base as the project ships it ({@code rules/kb/}), loaded once for all tests. */
final class TestKb {

    static final Path DIR = Path.of(System.getProperty("exhunt.root", ".."), "rules", "kb");
    static final KnowledgeBase KB = KnowledgeBase.load(TestKb::read);

    private TestKb() {}

    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build table's records, parsed apart from the knowledge base: the oracle's view of the table. */
    static List<Csv.Line> table() {
        return Csv.read("exchange-builds.csv", read("exchange-builds.csv"));
    }

    /** The records of a CSV file the tests keep beside their classes (an oracle: Microsoft's or HealthChecker's data). */
    static List<Csv.Line> resource(String name) {
        try (InputStream in = TestKb.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return Csv.read(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BuildAssessment assess(String build) {
        return KB.assess(BuildNumber.parse(build));
    }
}
