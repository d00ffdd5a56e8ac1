package org.exhunt.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhunt.sigma.CompiledRules;
import org.exhunt.sigma.SigmaRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exhunt rules compile}: loads Sigma rule files as {@code rules check} does, reports the same, and writes what
 * was read to a compiled-rules file, from which later runs ({@code --compiled-rules}) take the rules of unchanged
 * files instead of reading their YAML.
 */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Compile Sigma rules into a file that later runs load faster.",
        description = {"Loads the rules as 'exhunt rules check' does, reports the same, and writes them to OUT. Give"
                + " OUT with --compiled-rules to 'scan', 'sigma' or 'rules check' along with the same rule files:"
                + " the rules of files it holds unchanged (same path, same content) are taken from it, the others"
                + " are read. A compiled-rules file is for this build of exhunt and these placeholder values; with"
                + " another it is not used, which only costs time.",
                "Exit code 3 when a rule could not be loaded (the file is written all the same), 0 otherwise."})
final class RulesCompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Rule files or folders (searched recursively).")
    List<Path> sources;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The compiled-rules file to write.")
    Path output;

    @Option(names = "--placeholders", paramLabel = "FILE", description = "Values for the placeholders of 'expand' rules.")
    Path placeholders;

    @Override
    public Integer call() throws IOException {
        for (Path p : sources) {
            if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such file or folder: " + p);
        }
        CompiledRules.Writer[] kept = new CompiledRules.Writer[1];
        SigmaRules rules = SigmaSetup.load(sources, placeholders, null, spec.commandLine().getErr(), w -> kept[0] = w);
        int code = RulesCheckCommand.report(rules, spec.commandLine().getOut());
        Path temporary = output.resolveSibling(output.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            kept[0].write(out, Versions.build());
        }
        Files.move(temporary, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        spec.commandLine().getOut().printf("compiled rules of %d files written to %s%n", kept[0].size(), output);
        return code;
    }
}
