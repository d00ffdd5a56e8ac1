package org.exhunt.sigma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.sigma.mapping.Mappings;

/** Test helpers: the project's own mapping files, and rule sets built from text. */
final class Fixtures {

    private Fixtures() {}

    /** The project's {@code rules/} folder. */
    static Path rulesFolder() {
        String p = System.getProperty("exhunt.rules", "../rules");
        return Path.of(p);
    }

    /** The mappings of {@code rules/mappings}, failing on any problem in them. */
    static Mappings projectMappings() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(rulesFolder().resolve("mappings"))) {
            for (Path f : s.filter(f -> f.toString().endsWith(".yml")).toList()) files.put(f.toString(), Files.readString(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Diagnostic> problems = new ArrayList<>();
        Mappings m = Mappings.parse(files, problems::add);
        if (!problems.isEmpty()) throw new AssertionError("mapping problems: " + problems);
        return m;
    }

    /** Rules from YAML text, with the given mappings. */
    static SigmaRules rules(Mappings mappings, String... ruleTexts) {
        SigmaLoader loader = new SigmaLoader(mappings, Placeholders.none());
        for (int i = 0; i < ruleTexts.length; i++) loader.load("rule" + i + ".yml", ruleTexts[i]);
        return loader.build();
    }
}
