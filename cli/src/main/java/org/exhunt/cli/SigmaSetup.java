package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.hunt.detect.SigmaHunt;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.sigma.CompiledRules;
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

    static final String COMPILED_RULES = "Compiled rules written by 'exhunt rules compile': the rules of the files it"
            + " holds unchanged are taken from it, which is faster; the others are read. Not used (with a note) when"
            + " another build wrote it or it is damaged: the result is the same either way.";

    /** Loads rules from their files alone. */
    static SigmaRules load(List<Path> ruleSources, Path placeholderFile) throws IOException {
        return load(ruleSources, placeholderFile, null, null, null);
    }

    /**
     * Loads rules; problems with the mappings or the placeholder file come first in {@link SigmaRules#problems()}.
     * With {@code compiledFile}, the rules of unchanged files are taken from it; {@code err} gets a note when it is
     * not used, or not for every file. With {@code keep}, what is read is kept in it, for compiled rules.
     */
    static SigmaRules load(List<Path> ruleSources, Path placeholderFile, Path compiledFile, PrintWriter err,
                           Consumer<CompiledRules.Writer> keep) throws IOException {
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
        CompiledRules compiled = compiledFile == null ? null : compiled(compiledFile, placeholders, err);
        if (compiled != null) loader.useCompiled(compiled);
        if (keep != null) keep.accept(loader.keepForCompiling());
        for (Path p : ruleSources) loader.loadPath(p);
        if (compiled != null) noteFilesRead(compiledFile, loader, err);
        return loader.build();
    }

    /** Compiled rules to load from, or null, with a note saying why they are not used. */
    static CompiledRules compiled(Path file, Placeholders placeholders, PrintWriter err) {
        try {
            return CompiledRules.read(file, Versions.build(), placeholders);
        } catch (IOException e) {
            err.println("exhunt: compiled rules " + file + " not used (cannot read: " + e.getMessage() + "); the rule files were read");
        } catch (CompiledRules.Unusable e) {
            err.println("exhunt: compiled rules " + file + " not used (" + e.getMessage() + "); the rule files were read");
        }
        return null;
    }

    /** A note when some rule files were not taken from the compiled rules (changed or added since). */
    static void noteFilesRead(Path compiledFile, SigmaLoader loader, PrintWriter err) {
        int read = loader.filesRead() - loader.filesFromCompiled();
        if (read > 0) {
            err.println("exhunt: compiled rules " + compiledFile + ": " + read + " of " + loader.filesRead()
                    + " rule files changed or added since they were compiled were read");
        }
    }

    static void printProblems(SigmaRules rules, PrintWriter err) {
        for (Diagnostic d : rules.problems()) err.println("exhunt: " + Printable.visible(d.toString()));
    }
}
