package org.exhunt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhunt.core.RunInfo;
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

    @Option(names = "--format", defaultValue = "console", split = ",", paramLabel = "FORMAT",
            description = "Output formats, comma-separated: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})."
                    + " Several formats at once need -o PREFIX.")
    List<ReportFormat> formats;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|PREFIX",
            description = "With one format: write the report to FILE instead of the console. With several: write"
                    + " each to PREFIX.<ext> (console .txt, jsonl .jsonl, csv .csv, sarif .sarif, ecs .ecs.jsonl,"
                    + " html .html). Never inside the evidence.")
    Path output;

    @Override
    public Integer call() throws IOException {
        checkPaths();
        List<ReportOutputs.Output> outputs;
        try {
            outputs = ReportOutputs.plan(formats, output, paths);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RulePack pack = RulePack.bundled();
        RunInfo run = Versions.runInfo(pack);
        Hunt hunt = Hunt.with(pack, installPath);
        List<ServerResult> results = new ArrayList<>();
        for (Path path : paths) {
            results.add(hunt.scan(serverName(path), List.of(new DirectorySource(path))));
        }
        for (ReportOutputs.Output o : outputs) {
            if (o.file() == null) {
                o.format().writer.write(spec.commandLine().getOut(), run, results);
            } else {
                try (Writer w = Files.newBufferedWriter(o.file(), StandardCharsets.UTF_8)) {
                    o.format().writer.write(w, run, results);
                }
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
        }
    }

    static String serverName(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
