package org.exhunt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhunt.core.ServerResult;
import org.exhunt.hunt.Hunt;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.source.DirectorySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exhunt scan}: exposure and compromise verdicts for server images. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Exposure and compromise verdicts for Exchange server images (the main job).",
        description = "Each PATH is one server: a directory laid out like the server's system drive (C:\\ itself"
                + " or a copy of it). Nothing under PATH is ever written.")
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Server images to scan, one server each.")
    List<Path> paths;

    @Option(names = "--install-path", paramLabel = "DIR",
            description = "Exchange install path on the server's drive, when not found by itself"
                    + " (e.g. 'D:\\Exchange' or 'Exchange').")
    String installPath;

    @Option(names = "--format", defaultValue = "console", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of the console.")
    Path output;

    @Override
    public Integer call() throws IOException {
        checkPaths();
        RulePack pack = RulePack.bundled();
        Hunt hunt = Hunt.with(pack, installPath);
        List<ServerResult> results = new ArrayList<>();
        for (Path path : paths) {
            results.add(hunt.scan(serverName(path), List.of(new DirectorySource(path))));
        }
        if (output == null) {
            format.writer.write(spec.commandLine().getOut(), Versions.runInfo(pack), results);
        } else {
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                format.writer.write(w, Versions.runInfo(pack), results);
            }
        }
        return ExitCodes.of(results);
    }

    private void checkPaths() {
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                throw new ParameterException(spec.commandLine(), Files.exists(p)
                        ? "not a directory: " + p + " (give the folder that holds the server's drive)"
                        : "no such directory: " + p);
            }
            if (output != null && output.toAbsolutePath().normalize().startsWith(p.toAbsolutePath().normalize())) {
                throw new ParameterException(spec.commandLine(),
                        "the report " + output + " would be written inside the evidence " + p + "; write it elsewhere");
            }
        }
    }

    static String serverName(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
