package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.exhunt.core.Diagnostic;
import org.exhunt.report.Printable;
import org.exhunt.sigma.InactiveRule;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.rule.SigmaRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exhunt rules check}: loads Sigma rule files and says what loaded, what is inactive and what did not load. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Load Sigma rules and report which load, which are inactive, which do not load and why.",
        description = "Exit code 3 when a rule could not be loaded, 0 otherwise (inactive rules and rules for logs"
                + " exhunt does not read are listed, but load).")
final class RulesCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Rule files or folders (searched recursively).")
    List<Path> sources;

    @Option(names = "--placeholders", paramLabel = "FILE", description = "Values for the placeholders of 'expand' rules.")
    Path placeholders;

    @Option(names = "--compiled-rules", paramLabel = "FILE", description = SigmaSetup.COMPILED_RULES)
    Path compiled;

    @Override
    public Integer call() throws IOException {
        for (Path p : sources) {
            if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such file or folder: " + p);
        }
        SigmaRules rules = SigmaSetup.load(sources, placeholders, compiled, spec.commandLine().getErr(), null);
        return report(rules, spec.commandLine().getOut());
    }

    /** The load report of {@code rules check} (and {@code rules compile}); the exit code it makes. */
    static int report(SigmaRules rules, PrintWriter out) {
        List<Diagnostic> errors = rules.problems().stream().filter(Diagnostic::isError).toList();
        out.printf("loaded: %d rules%n", rules.loaded().size() + rules.inactive().size());
        out.printf("  running on logs exhunt reads: %d%n", rules.loaded().size() - rules.unrouted().size());
        out.printf("  no log-source mapping (never run): %d%n", rules.unrouted().size());
        for (Map.Entry<String, Integer> e : bySource(rules.unrouted()).entrySet()) {
            out.printf("    %-60s %d%n", Printable.visible(e.getKey()), e.getValue());
        }
        out.printf("  inactive (placeholders without values): %d%n", rules.inactive().size());
        for (InactiveRule r : rules.inactive()) {
            out.println("    " + Printable.visible(r.rule().where() + "  " + r.rule().id() + "  " + r.rule().title() + ": "
                    + r.reason()));
        }
        out.printf("correlations: %d%n", rules.correlations().size());
        out.printf("filters: %d%n", rules.filters().size());
        out.printf("not loaded: %d%n", errors.size());
        for (Diagnostic d : errors) out.println("  " + Printable.visible(d.toString()));
        for (Diagnostic d : rules.problems()) {
            if (!d.isError()) out.println("warning: " + Printable.visible(d.toString()));
        }
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private static Map<String, Integer> bySource(List<SigmaRule> rules) {
        Map<String, Integer> counts = new TreeMap<>();
        for (SigmaRule r : rules) counts.merge(r.logsource().toString(), 1, Integer::sum);
        return counts;
    }
}
