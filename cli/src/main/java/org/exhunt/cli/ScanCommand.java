package org.exhunt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.ServerResult;
import org.exhunt.hunt.Hunt;
import org.exhunt.hunt.HuntOptions;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.scope.PathGlob;
import org.exhunt.hunt.scope.TimeWindow;
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

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Look at log evidence from TIME on (2021-03-01 or 2021-03-01T10:00:00Z; UTC unless a zone"
                    + " is given). Files on disk are examined whatever their times.")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Look at log evidence up to TIME.")
    Instant until;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out paths matching GLOB (Windows or '/' form, case-insensitive; * and ? within a"
                    + " folder, ** across folders), e.g. 'inetpub\\wwwroot\\big\\**'. Repeatable; reported.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--allowlist", paramLabel = "FILE",
            description = "Findings to suppress, one per line: path:GLOB, sha256:HASH or rule:ID. Each suppression"
                    + " is counted in the report.")
    Path allowlist;

    @Option(names = "--collect", paramLabel = "DIR",
            description = "Copy every file a finding points to into DIR (a new or empty folder outside the"
                    + " evidence), with a SHA-256 manifest.")
    Path collect;

    @Option(names = "--threads", paramLabel = "N", description = "Files read in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "No progress bar on standard error.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        checkPaths();
        RulePack pack = RulePack.bundled();
        List<Diagnostic> optionProblems = new ArrayList<>();
        HuntOptions options = new HuntOptions(installPath, excludes.stream().map(PathGlob::of).toList(),
                new TimeWindow(since, until), readAllowlist(optionProblems), threads, collect,
                TerminalProgress.forTerminal(spec.commandLine().getErr(), !noProgress));
        Hunt hunt = Hunt.with(pack, options);
        List<ServerResult> results = new ArrayList<>();
        for (Path path : paths) {
            ServerResult r = hunt.scan(serverName(path), List.of(new DirectorySource(path)));
            results.add(withProblems(r, optionProblems));
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

    private void checkPaths() throws IOException {
        if (threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        if (since != null && until != null && until.isBefore(since)) {
            throw new ParameterException(spec.commandLine(), "--until " + until + " is before --since " + since);
        }
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                throw new ParameterException(spec.commandLine(), Files.exists(p)
                        ? "not a directory: " + p + " (give the folder that holds the server's drive)"
                        : "no such directory: " + p);
            }
            refuseInside(output, p, "the report");
            refuseInside(collect, p, "the collection folder");
        }
        if (collect != null && Files.isDirectory(collect)) {
            try (Stream<Path> s = Files.list(collect)) {
                if (s.findAny().isPresent()) {
                    throw new ParameterException(spec.commandLine(), "the collection folder " + collect
                            + " is not empty; give a new or empty folder, so that no earlier collection is overwritten");
                }
            }
        }
        if (allowlist != null && !Files.isRegularFile(allowlist)) {
            throw new ParameterException(spec.commandLine(), "no such allowlist file: " + allowlist);
        }
    }

    /** Nothing exhunt writes may land in the evidence, where it would change it and be scanned next time. */
    private void refuseInside(Path written, Path evidence, String what) {
        if (written != null && written.toAbsolutePath().normalize().startsWith(evidence.toAbsolutePath().normalize())) {
            throw new ParameterException(spec.commandLine(), what + " " + written + " would be written inside the"
                    + " evidence " + evidence + "; write it elsewhere (another drive or a share)");
        }
    }

    private Allowlist readAllowlist(List<Diagnostic> problems) throws IOException {
        if (allowlist == null) return Allowlist.NONE;
        return Allowlist.parse(allowlist.toString(), Files.readString(allowlist, StandardCharsets.UTF_8), problems::add);
    }

    /** Problems with the user's own inputs (a bad allowlist line) are part of every server's report. */
    private static ServerResult withProblems(ServerResult r, List<Diagnostic> problems) {
        if (problems.isEmpty()) return r;
        List<Diagnostic> all = new ArrayList<>(problems);
        all.addAll(r.diagnostics());
        return new ServerResult(r.server(), r.inputs(), r.verdicts(), r.findings(), all, r.notes());
    }

    static String serverName(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
