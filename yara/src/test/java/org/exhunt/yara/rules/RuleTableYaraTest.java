package org.exhunt.yara.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.exhunt.core.testing.TestEnvironment;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule table case, run through {@code yara} 4.2.3: the tables' expectations are YARA's behaviour,
 * not exhunt's opinion. (Error codes are exhunt's names; here only "it does not compile" is checked.)
 */
class RuleTableYaraTest {

    @TestFactory
    Stream<DynamicContainer> everyCaseAsYaraDoes() throws IOException {
        YaraProcess yara = new YaraProcess(TestEnvironment.yara());
        return RuleTableTest.tables().stream().flatMap(t -> RuleTables.byGroup(t.cases(), c -> check(yara, c)));
    }

    private static void check(YaraProcess yara, RuleCase c) {
        YaraProcess.Result r;
        try {
            List<String> options = new ArrayList<>(List.of("-w", "-s"));
            for (String d : c.defines()) options.addAll(List.of("-d", d));
            r = yara.run(c.rules(), c.data(), options.toArray(new String[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        boolean compiled = r.exitCode() == 0;
        List<String> lines = new ArrayList<>();
        boolean inTest = false;
        boolean matched = false;
        for (String line : r.stdout().split("\n")) {
            if (line.isEmpty()) continue;
            if (line.startsWith("0x")) {
                if (inTest) lines.add(line);
            } else {
                inTest = line.equals("test DATA");
                matched |= inTest;
            }
        }
        switch (c.outcome()) {
            case MATCH -> assertThat(matched).as("yara matches (%s)", r.stderr()).isTrue();
            case NO_MATCH -> {
                assertThat(compiled).as("yara compiles (%s)", r.stderr()).isTrue();
                assertThat(matched).as("yara does not match").isFalse();
            }
            case ERROR -> assertThat(compiled).as("yara refuses the rules").isFalse();
            case STRINGS -> {
                assertThat(matched).as("yara matches (%s)", r.stderr()).isTrue();
                assertThat(lines).containsExactlyElementsOf(c.strings());
            }
        }
    }
}
