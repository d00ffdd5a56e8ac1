package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.hunt.detect.SigmaHunt;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.report.Printable;
import org.exhunt.sigma.Placeholders;
import org.exhunt.sigma.SigmaLoader;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.mapping.Mappings;
import org.exhunt.sigma.yaml.YamlProblem;

/**
 * Loads Sigma rules the way {@code sigma} and {@code rules check} share: the rule pack's log-source mappings
 * ({@code mappings/*.yml}), the user's placeholder values, and the rule files or folders given.
 */
final class SigmaSetup {

    private SigmaSetup() {}

    /** Loads rules; problems with the mappings or the placeholder file come first in {@link SigmaRules#problems()}. */
    static SigmaRules load(List<Path> ruleSources, Path placeholderFile) throws IOException {
        List<Diagnostic> setup = new ArrayList<>();
        Mappings mappings = SigmaHunt.mappings(RulePack.bundled(), setup::add);
        Placeholders placeholders = Placeholders.none();
        if (placeholderFile != null) {
            try {
                placeholders = Placeholders.parse(placeholderFile.toString(), Files.readString(placeholderFile));
            } catch (YamlProblem e) {
                setup.add(Diagnostic.error("sigma.placeholders", SourceRef.line(placeholderFile.toString(), e.line()), e.getMessage()));
            }
        }
        SigmaLoader loader = new SigmaLoader(mappings, placeholders);
        setup.forEach(loader::report);
        for (Path p : ruleSources) loader.loadPath(p);
        return loader.build();
    }

    static void printProblems(SigmaRules rules, PrintWriter err) {
        for (Diagnostic d : rules.problems()) err.println("exhunt: " + Printable.visible(d.toString()));
    }
}
