package org.exhunt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.evidence.ExactNames;
import org.exhunt.logs.LogFiles;
import org.exhunt.logs.MergedStream;
import org.exhunt.logs.RecordStream;
import org.exhunt.report.Printable;
import org.exhunt.sigma.AppliedFilter;
import org.exhunt.sigma.SigmaMatch;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.SigmaScanner;
import org.exhunt.sigma.correlation.Correlator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exhunt sigma}: Sigma rules over logs, one line per rule that fires on a record. */
@Command(name = "sigma", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "Sigma rules over logs: one line per rule that fires on a record.",
        description = {"Runs Sigma rules (SigmaHQ's or your own, unchanged) over the records of every log INPUT"
                + " exhunt reads (files, or folders searched recursively), and prints one line per firing:"
                + " where, level, rule id, title.",
                "Rules that do not load, and inputs that cannot be read, are listed on standard error and make"
                + " the exit code 3 (1 when a rule fired). A FIFO, device or socket is never opened: given as INPUT it"
                + " is a usage error, in a folder it is skipped with a warning."})
final class SigmaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rules"}, required = true, paramLabel = "RULES",
            description = "A Sigma rule file, or a folder of them (searched recursively); repeatable.")
    List<Path> rules;

    @Option(names = "--filters", paramLabel = "DIR",
            description = "Sigma filter documents (a file or a folder): conditions that tune out known-good events"
                    + " from the rules they name; repeatable. Listed on standard error.")
    List<Path> filters = new ArrayList<>();

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "Values for the placeholders of 'expand' rules (YAML: name: [values]);"
                    + " rules whose placeholders have no values are inactive.")
    Path placeholders;

    @Option(names = "--compiled-rules", paramLabel = "FILE", description = SigmaSetup.COMPILED_RULES)
    Path compiledRules;

    @Option(names = "--recover-slack", description = "Windows event logs (.evtx): also read the records in chunk slack"
            + " (older events of a reused chunk or a cleared log, events a live log has not listed yet) and in blocks"
            + " that are not valid chunks.")
    boolean recoverSlack;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Log files or folders.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        for (Path p : concat(concat(rules, filters), inputs)) {
            if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such file or folder: " + p);
        }
        for (Path p : inputs) {
            String refusal = LogInputs.refusal(p);
            if (refusal != null) throw new ParameterException(spec.commandLine(), refusal);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SigmaRules compiled = SigmaSetup.load(concat(rules, filters), placeholders, compiledRules, err, null);
        SigmaScanner scanner = compiled.scanner();
        List<Diagnostic> problems = new ArrayList<>(compiled.problems());
        long[] counts = new long[3];   // records, firings, files
        Correlator correlator = compiled.correlator(f -> {
            counts[1]++;
            out.println(line(f));
        });
        RecordSink sink = record -> {
            counts[0]++;
            scanner.scan(record, m -> {
                if (compiled.reportsOwnFindings(m.rule().id())) {
                    counts[1]++;
                    out.println(line(m));
                }
                correlator.accept(m);
            });
        };
        List<Path> files = files(inputs, problems);
        counts[2] = files.size();
        if (compiled.correlations().isEmpty()) {
            for (Path file : files) read(file, problems, sink);
        } else {
            readMerged(files, problems, sink);
        }
        correlator.finish();
        out.flush();
        for (Diagnostic d : problems) err.println("exhunt: " + Printable.visible(d.toString()));
        for (AppliedFilter f : compiled.filters()) {
            err.printf("filter %s applied to %d rules%n", Printable.visible(f.filter().id() + " ("
                    + f.filter().detection().title() + ")"), f.rules().size());
        }
        if (correlator.untimed() > 0) err.printf("%d matches of correlated rules had no time and were not correlated%n", correlator.untimed());
        if (correlator.evicted() > 0) err.printf("%d correlation groups were closed early to stay within memory%n", correlator.evicted());
        err.printf("%d rules loaded (%d inactive, %d without a log-source mapping), %d problems; %d records in %d files; %d firings%n",
                compiled.loaded().size(), compiled.inactive().size(), compiled.unrouted().size(),
                problems.stream().filter(Diagnostic::isError).count(), counts[0], counts[2], counts[1]);
        if (counts[1] > 0) return ExitCodes.COMPROMISE;
        return problems.stream().anyMatch(Diagnostic::isError) ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    /** {@code where  level  id  title}, printable: file names come from the evidence, titles from the rules. */
    static String line(SigmaMatch m) {
        return Printable.visible(m.record().source() + "  " + m.rule().level().label() + "  " + m.rule().id() + "  "
                + m.rule().title());
    }

    /** A correlation: {@code where  level  id  title  [group and metric]}, where is its last event. */
    static String line(Finding f) {
        return Printable.visible(f.source() + "  " + f.severity().label() + "  " + f.ruleId() + "  " + f.title() + "  ["
                + f.evidence().stream().map(e -> e.name() + "=" + e.value()).collect(Collectors.joining(", ")) + "]");
    }

    private interface RecordSink {
        void accept(Record r);
    }

    private void read(Path file, List<Diagnostic> problems, RecordSink sink) {
        try (RecordStream records = open(file, problems)) {
            if (records != null) {
                while (records.hasNext()) sink.accept(records.next());
            }
        } catch (IOException e) {
            problems.add(Diagnostic.error("input.io", SourceRef.file(ExactNames.of(file)), "cannot read: " + e.getMessage()));
        }
    }

    /** All inputs at once, merged by time, for correlations across logs. */
    private void readMerged(List<Path> files, List<Diagnostic> problems, RecordSink sink) throws IOException {
        List<RecordStream> streams = new ArrayList<>();
        for (Path f : files) {
            RecordStream s = open(f, problems);
            if (s != null) streams.add(s);
        }
        try (MergedStream merged = new MergedStream(streams)) {
            while (merged.hasNext()) sink.accept(merged.next());
        }
    }

    /** The records of a file, or null when it is no log exhunt reads (reported) or cannot be opened. */
    private RecordStream open(Path file, List<Diagnostic> problems) {
        String name = ExactNames.of(file);
        try {
            Optional<RecordStream> opened = LogFiles.open(name.replace('\\', '/'), name, Files.newInputStream(file),
                    problems::add, recoverSlack);
            if (opened.isEmpty()) {
                problems.add(Diagnostic.error("input.format", SourceRef.file(name), "not a log format exhunt reads; not read"));
                return null;
            }
            return opened.get();
        } catch (IOException e) {
            problems.add(Diagnostic.error("input.io", SourceRef.file(name), "cannot read: " + e.getMessage()));
            return null;
        }
    }

    private static List<Path> files(List<Path> inputs, List<Diagnostic> problems) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                out.addAll(LogInputs.filesUnder(p, problems::add));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
