package org.exhunt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.exhunt.core.ServerResult;
import org.exhunt.hunt.Hunt;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.source.EvidenceSource;
import org.exhunt.hunt.source.Sources;
import org.exhunt.hunt.source.UnsupportedEvidenceException;
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

    @Option(names = "--format", defaultValue = "console", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of the console.")
    Path output;

    /** One server to scan: its name and its evidence. */
    private record Server(String name, List<Path> paths) {}

    @Override
    public Integer call() throws IOException {
        List<Server> servers = servers();
        checkOutput();
        List<List<EvidenceSource>> evidence = new ArrayList<>();
        for (Server server : servers) evidence.add(open(server.paths())); // every path refused before any is read
        RulePack pack = RulePack.bundled();
        Hunt hunt = Hunt.with(pack, installPath);
        List<ServerResult> results = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            try {
                results.add(hunt.scan(servers.get(i).name(), evidence.get(i)));
            } finally {
                for (EvidenceSource source : evidence.get(i)) source.close();
            }
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

    private void checkOutput() {
        if (output == null) return;
        Path report = output.toAbsolutePath().normalize();
        for (Path p : paths) {
            if (report.startsWith(p.toAbsolutePath().normalize())) {
                throw usage("the report " + output + " would be written inside the evidence " + p + "; write it elsewhere");
            }
        }
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
