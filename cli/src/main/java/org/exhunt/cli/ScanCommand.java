package org.exhunt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.Sources;
import org.exhunt.evidence.UnsupportedEvidenceException;
import org.exhunt.hunt.Hunt;
import org.exhunt.hunt.HuntOptions;
import org.exhunt.hunt.UserRules;
import org.exhunt.sigma.CompiledRules;
import org.exhunt.sigma.Placeholders;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.scope.PathGlob;
import org.exhunt.hunt.scope.TimeWindow;
import org.exhunt.report.ConsoleReport;
import org.exhunt.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exhunt scan}: exposure and compromise verdicts for server images. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Exposure and compromise verdicts for Exchange server images (the main job).",
        customSynopsis = {"exhunt scan [OPTIONS] PATH...",
            "       exhunt scan [OPTIONS] [PATH...] (--server NAME PATH...)..."},
        description = {"Each PATH is one server: a folder laid out like the server's system drive (C:\\ itself or a"
                + " copy of it), a KAPE, Velociraptor or CyLR collection (a folder or a zip), a zip of a drive's copy,"
                + " or a single file. Zip archives are read in place, never extracted. Disk images (VHDX, E01, VMDK,"
                + " raw) are not read: mount them read-only and give the mounted folder.",
            "With --server NAME, the PATHs that follow it, up to the next --server, are one server's evidence (e.g."
                + " a drive's copy and a zip of its logs). Nothing under a PATH is ever written."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private List<Path> paths = List.of();
    private final List<String> serverNames = new ArrayList<>();
    private final List<Integer> serverStarts = new ArrayList<>(); // index into paths of each --server's first PATH

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Evidence to scan: one server each, or the evidence of the --server before them.")
    void paths(List<Path> given) {
        paths = given; // picocli hands over the list it fills, in command-line order
    }

    @Option(names = "--server", paramLabel = "NAME",
            description = "The PATHs that follow, up to the next --server, form the server NAME. Repeatable.")
    void servers(List<String> names) {
        // called once per --server, with all names so far: remember where this server's PATHs begin
        while (serverNames.size() < names.size()) {
            serverNames.add(names.get(serverNames.size()));
            serverStarts.add(paths.size());
        }
    }

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

    @Option(names = "--ioc", paramLabel = "FILE",
            description = "Your own indicators, matched with the bundled ones: a CSV list in the bundled lists' form (first"
                    + " column sha256, sha1, md5, filename, path, ip or url; optional columns name, campaign, chain, stage,"
                    + " source) or a STIX 2.1 bundle of indicator objects (file hashes, names, sizes and folders; IPv4/IPv6"
                    + " addresses and ranges; URLs). Indicators exhunt cannot use are listed, never skipped in silence."
                    + " Repeatable.")
    List<Path> iocFiles = new ArrayList<>();

    @Option(names = "--collect", paramLabel = "DIR",
            description = "Copy every file a finding points to into DIR (a new or empty folder outside the"
                    + " evidence), with a SHA-256 manifest.")
    Path collect;

    @Option(names = "--yara", paramLabel = "PATH",
            description = "Also run these YARA rules (a file or a folder of .yar/.yara files, e.g. signature-base's"
                    + " yara folder) on the web folders. Repeatable. The externals filename, filepath, extension,"
                    + " filetype and owner are declared. A file that does not compile is reported and left out.")
    List<Path> yara = new ArrayList<>();

    @Option(names = "--sigma", paramLabel = "PATH",
            description = "Also run these Sigma rules (a file or a folder, e.g. SigmaHQ's rules folders) on the logs."
                    + " Repeatable. Routed by log source like the pack's rules; a rule that does not load is reported.")
    List<Path> sigma = new ArrayList<>();

    @Option(names = "--filters", paramLabel = "DIR",
            description = "Sigma filter documents (a folder or a file): conditions that tune out known-good events from"
                    + " the rules they name, the pack's or your --sigma rules, by id or name. Repeatable. Each filter is"
                    + " listed in the report; one that does not load is reported.")
    List<Path> filters = new ArrayList<>();

    @Option(names = "--compiled-rules", paramLabel = "FILE", description = SigmaSetup.COMPILED_RULES + " For the --sigma"
            + " and --filters files; written without --placeholders.")
    Path compiledRules;

    @Option(names = "--recover-slack", description = "Also read the records Windows event logs hold in chunk slack"
            + " (older events of a chunk reused after the log wrapped or was cleared, events a live log has not listed"
            + " yet) and in blocks that are not valid chunks; each chunk with recovered records is noted.")
    boolean recoverSlack;

    @Option(names = "--threads", paramLabel = "N", description = "Files read in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour in the console report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: on a"
                    + " terminal, unless NO_COLOR is set).")
    ColorMode color;

    @Option(names = "--no-progress", description = "No progress bar on standard error.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        List<Server> servers = servers();
        EvidenceBoundary boundary = new EvidenceBoundary(paths);
        List<ReportOutputs.Output> outputs;
        try {
            if (collect != null) boundary.checkFolder(collect, "the collection folder");
            outputs = ReportOutputs.plan(formats, output, boundary);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        checkPaths();
        List<List<EvidenceSource>> evidence = new ArrayList<>();
        for (Server server : servers) evidence.add(open(server.paths())); // every path refused before any is read
        RulePack pack = RulePack.bundled();
        RunInfo started = Versions.runInfo(pack);
        List<Diagnostic> optionProblems = new ArrayList<>();
        HuntOptions options = new HuntOptions(installPath, excludes.stream().map(PathGlob::of).toList(),
                new TimeWindow(since, until), readAllowlist(optionProblems), threads, collect,
                TerminalProgress.forTerminal(spec.commandLine().getErr(), !noProgress), recoverSlack);
        CompiledRules compiled = compiledRules == null ? null
                : SigmaSetup.compiled(compiledRules, Placeholders.none(), spec.commandLine().getErr());
        Hunt hunt = Hunt.with(pack, new UserRules(yara, sigma, filters, iocFiles, compiled), options);
        RunInfo run = started.withFilters(hunt.sigmaFilters());
        List<ServerResult> results = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            try {
                results.add(withProblems(hunt.scan(servers.get(i).name(), evidence.get(i)), optionProblems));
            } finally {
                for (EvidenceSource source : evidence.get(i)) source.close();
            }
        }
        for (ReportOutputs.Output o : outputs) {
            if (o.file() == null) {
                ReportWriter writer = o.format() == ReportFormat.console && color.wanted()
                        ? new ConsoleReport(true) : o.format().writer();
                writer.write(spec.commandLine().getOut(), run, results);
            } else {
                try (Writer w = ReportOutputs.open(o.file())) {
                    o.format().writer().write(w, run, results);
                }
            }
        }
        return ExitCodes.of(results);
    }

    private void checkPaths() throws IOException {
        if (threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        if (since != null && until != null && until.isBefore(since)) {
            throw new ParameterException(spec.commandLine(), "--until " + until + " is before --since " + since);
        }
        if (collect != null && Files.isDirectory(collect)) {
            try (Stream<Path> s = Files.list(collect)) {
                if (s.findAny().isPresent()) {
                    throw new ParameterException(spec.commandLine(), "the collection folder " + collect
                            + " is not empty; give a new or empty folder, so that no earlier collection is overwritten");
                }
            }
        }
        for (Path p : yara) {
            if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such YARA rules: " + p);
        }
        for (Path p : sigma) {
            if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such Sigma rules: " + p);
        }
        for (Path p : filters) {
            if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such Sigma filters: " + p);
        }
        for (Path ioc : iocFiles) {
            if (!Files.isRegularFile(ioc)) throw new ParameterException(spec.commandLine(), "no such indicator file: " + ioc);
        }
        if (allowlist != null && !Files.isRegularFile(allowlist)) {
            throw new ParameterException(spec.commandLine(), "no such allowlist file: " + allowlist);
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
        return r.withDiagnostics(all);
    }

    /** One server to scan: its name and its evidence. */
    private record Server(String name, List<Path> paths) {}

    /** The servers: each PATH before the first --server on its own, then one per --server. */
    private List<Server> servers() {
        List<Server> servers = new ArrayList<>();
        int loose = serverStarts.isEmpty() ? paths.size() : serverStarts.get(0);
        for (Path p : paths.subList(0, loose)) servers.add(new Server(serverName(p), List.of(p)));
        for (int i = 0; i < serverNames.size(); i++) {
            int end = i + 1 < serverStarts.size() ? serverStarts.get(i + 1) : paths.size();
            if (end == serverStarts.get(i)) {
                throw usage("--server " + serverNames.get(i) + " is followed by no PATH (give its evidence after the name)");
            }
            servers.add(new Server(serverNames.get(i), List.copyOf(paths.subList(serverStarts.get(i), end))));
        }
        Set<String> names = new HashSet<>();
        for (Server s : servers) {
            if (!names.add(s.name().toLowerCase(Locale.ROOT))) {
                throw usage("two servers are named '" + s.name() + "'; name them apart with --server NAME PATH...");
            }
        }
        for (Path p : paths) {
            if (!Files.exists(p)) throw usage("no such file or directory: " + p);
        }
        return servers;
    }

    private List<EvidenceSource> open(List<Path> evidence) {
        List<EvidenceSource> sources = new ArrayList<>();
        for (Path p : evidence) {
            try {
                sources.add(Sources.open(p));
            } catch (UnsupportedEvidenceException e) {
                throw usage(e.getMessage());
            }
        }
        return sources;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A server's name from its path: the folder's name, or the file's name without its extension. */
    static String serverName(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        if (name == null) return path.toString();
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        return Files.isDirectory(path) || dot <= 0 ? n : n.substring(0, dot);
    }
}
