package org.exhunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.logs.LogReader;
import org.exhunt.logs.LogReaders;
import org.exhunt.logs.RecordStream;
import org.exhunt.sigma.SigmaMatch;
import org.exhunt.sigma.SigmaRules;
import org.exhunt.sigma.SigmaScanner;
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
                + " the exit code 3 (1 when a rule fired)."})
final class SigmaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rules"}, required = true, paramLabel = "RULES",
            description = "A Sigma rule file, or a folder of them (searched recursively); repeatable.")
    List<Path> rules;

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "Values for the placeholders of 'expand' rules (YAML: name: [values]);"
                    + " rules whose placeholders have no values are inactive.")
    Path placeholders;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Log files or folders.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        for (Path p : concat(rules, inputs)) {
            if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such file or folder: " + p);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SigmaRules compiled = SigmaSetup.load(rules, placeholders);
        SigmaScanner scanner = compiled.scanner();
        List<Diagnostic> problems = new ArrayList<>(compiled.problems());
        long[] counts = new long[3];   // records, firings, files
        for (Path file : files(inputs)) {
            counts[2]++;
            read(file, problems, record -> {
                counts[0]++;
                scanner.scan(record, m -> {
                    counts[1]++;
                    out.println(line(m));
                });
            });
        }
        out.flush();
        for (Diagnostic d : problems) err.println("exhunt: " + d);
        err.printf("%d rules loaded (%d inactive, %d without a log-source mapping), %d problems; %d records in %d files; %d firings%n",
                compiled.loaded().size(), compiled.inactive().size(), compiled.unrouted().size(),
                problems.stream().filter(Diagnostic::isError).count(), counts[0], counts[2], counts[1]);
        if (counts[1] > 0) return ExitCodes.COMPROMISE;
        return problems.stream().anyMatch(Diagnostic::isError) ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    /** {@code where  level  id  title}. */
    static String line(SigmaMatch m) {
        return m.record().source() + "  " + m.rule().level().label() + "  " + m.rule().id() + "  " + m.rule().title();
    }

    private interface RecordSink {
        void accept(Record r);
    }

    private static void read(Path file, List<Diagnostic> problems, RecordSink sink) {
        String name = file.toString();
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(LogReaders.HEAD_BYTES);
            }
            Optional<LogReader> reader = LogReaders.forFile(name.replace('\\', '/'), head);
            if (reader.isEmpty()) {
                problems.add(Diagnostic.error("input.format", SourceRef.file(name), "not a log format exhunt reads; not read"));
                return;
            }
            try (RecordStream records = reader.get().open(name, Files.newInputStream(file), problems::add)) {
                while (records.hasNext()) sink.accept(records.next());
            }
        } catch (IOException e) {
            problems.add(Diagnostic.error("input.io", SourceRef.file(name), "cannot read: " + e.getMessage()));
        }
    }

    private static List<Path> files(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
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
