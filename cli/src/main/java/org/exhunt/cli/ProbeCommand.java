package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exhunt.core.RunInfo;
import org.exhunt.core.ServerResult;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.probe.Probe;
import org.exhunt.probe.ProbeOptions;
import org.exhunt.probe.Target;
import org.exhunt.probe.Targets;
import org.exhunt.report.ConsoleReport;
import org.exhunt.report.JsonlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exhunt probe}: remote version and exposure of many Exchange servers. */
@Command(name = "probe", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Remote version and exposure of Exchange servers over the network, safely.",
        description = {"Each TARGET is a host, host:port or URL; HTTPS on 443 unless said otherwise. Self-signed and"
                + " expired certificates are accepted (their facts are reported). Safe checks only, unless --active:"
                + " the OWA logon page, X-OWA-Version, the export tool's manifest and the /ecp/<build>/ folders.",
            "--active adds the exploit-primitive checks: the ProxyLogon SSRF to localhost (X-BEResource cookie) and the"
                + " ProxyShell Autodiscover path confusion. Both are read-only GETs to the target itself; nothing is"
                + " written, no callback is made, no redirect is followed. Run them only where you are allowed to."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.USAGE_MEANING, ExitCodes.INTERNAL_MEANING, ExitCodes.EXPOSED_MEANING,
            ExitCodes.INCOMPLETE_MEANING, ExitCodes.OK_MEANING})
final class ProbeCommand implements Callable<Integer> {

    enum Format { console, jsonl }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGET", description = "Hosts, host:port or URLs to probe.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--targets", paramLabel = "FILE", description = "A file of targets, one per line (# comments).")
    Path targetsFile;

    @Option(names = "--active", description = "Also run the exploit-primitive checks (see above).")
    boolean active;

    @Option(names = "--concurrency", defaultValue = "64", paramLabel = "N", description = "Targets probed at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--connect-timeout", defaultValue = "5", paramLabel = "SECONDS", description = "Connect and TLS handshake timeout (default: ${DEFAULT-VALUE}).")
    double connectTimeout;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS", description = "Time for each request, from sending it to the last byte of its body (default: ${DEFAULT-VALUE}); a body"
                    + " is read up to 256 KiB.")
    double readTimeout;

    @Option(names = "--retries", defaultValue = "2", paramLabel = "N", description = "Retries of a request that got no answer, with backoff (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "N", description = "At most N requests per second over the run; 0: no limit (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--format", defaultValue = "console", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); jsonl streams results as they come.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of the console.")
    Path output;

    @Option(names = "--no-progress", description = "No progress bar on standard error.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<Target> list = targets();
        ProbeOptions options = options();
        if (output != null) {
            try {
                new EvidenceBoundary(List.of()).checkReport(output); // no evidence, but no folder and no link either
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        RulePack pack = RulePack.bundled();
        RunInfo run = Versions.runInfo(pack);
        PrintWriter err = spec.commandLine().getErr();
        if (active) {
            err.println("exhunt probe --active: sending the ProxyLogon SSRF and ProxyShell Autodiscover exploit primitives"
                    + " (read-only GETs) to " + list.size() + (list.size() == 1 ? " target" : " targets"));
            err.flush();
        }
        List<ServerResult> results = new ArrayList<>(); // kept for the console table only
        int[] code = {ExitCodes.OK};
        try (Writer out = output == null ? null : ReportOutputs.open(output)) {
            Writer sink = out != null ? out : spec.commandLine().getOut();
            JsonlReport jsonl = new JsonlReport();
            if (format == Format.jsonl) jsonl.writeRun(sink, run);
            Probe.Progress progress = TerminalTargetProgress.forTerminal(err, !noProgress);
            new Probe(pack.knowledgeBase(), options).run(list, r -> {
                code[0] = ExitCodes.worst(code[0], ExitCodes.of(List.of(r)));
                if (format == Format.console) results.add(r);
                if (format == Format.jsonl) {
                    try {
                        jsonl.writeResult(sink, r);
                        sink.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, progress);
            if (format == Format.console) new ConsoleReport().write(sink, run, inOrder(results, list));
            sink.flush();
        }
        return code[0];
    }

    private List<Target> targets() throws IOException {
        List<String> lines = new ArrayList<>(targets);
        Targets.Read read = Targets.parse("command line", lines);
        List<Target> all = new ArrayList<>(read.targets());
        List<String> problems = new ArrayList<>(read.problems());
        if (targetsFile != null) {
            if (!Files.isRegularFile(targetsFile)) throw new ParameterException(spec.commandLine(), "no such file: " + targetsFile);
            Targets.Read fromFile = Targets.parse(targetsFile.toString(), Files.readAllLines(targetsFile, StandardCharsets.UTF_8));
            java.util.Set<String> seen = new java.util.HashSet<>();
            all.forEach(t -> seen.add(t.base()));
            for (Target t : fromFile.targets()) if (seen.add(t.base())) all.add(t);
            problems.addAll(fromFile.problems());
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "targets that are not host, host:port or URL: "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                    + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : ""));
        }
        if (all.isEmpty()) throw new ParameterException(spec.commandLine(), "no target: give TARGET... or --targets FILE");
        return all;
    }

    private ProbeOptions options() {
        if (concurrency < 1 || retries < 0 || rate < 0 || connectTimeout <= 0 || readTimeout <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "--concurrency must be 1 or more, --retries and --rate 0 or more, timeouts above 0");
        }
        ProbeOptions d = ProbeOptions.defaults();
        return new ProbeOptions(active, concurrency, seconds(connectTimeout), seconds(readTimeout), retries, d.backoff(),
                rate, d.bodyBytes());
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** Results in the order the targets were given, for the console table. */
    private static List<ServerResult> inOrder(List<ServerResult> results, List<Target> targets) {
        Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < targets.size(); i++) order.putIfAbsent(targets.get(i).input(), i);
        List<ServerResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(r -> order.getOrDefault(r.server(), Integer.MAX_VALUE)));
        return sorted;
    }
}
