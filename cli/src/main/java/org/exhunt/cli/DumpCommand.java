package org.exhunt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.ExactNames;
import org.exhunt.evidence.Sources;
import org.exhunt.evidence.UnsupportedEvidenceException;
import org.exhunt.logs.LogFiles;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.file.FileRecords;
import org.exhunt.report.Printable;
import org.exhunt.report.RecordJsonl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exhunt dump}: the records exhunt reads from logs, as JSON lines, to see what rules see; with {@code --files},
 * the file-metadata record of every file instead.
 */
@Command(name = "dump", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        header = "The records exhunt reads from any supported log, as JSON lines.",
        description = {"Prints one JSON object per record (type, time, source, fields) to standard output, for jq;"
                + " problems go to standard error as 'file:line: message [code]'. Logs: IIS, Exchange (HttpProxy, ECP,"
                + " OABGenerator, EWS, Remote PowerShell, Message Tracking, ...), Windows event logs (.evtx), JSON"
                + " events; gzip-compressed logs are read too.",
                "A FILE that no format recognizes is an error; in a DIRECTORY (read recursively, in name order)"
                        + " such files are skipped quietly. A FIFO, device or socket is never opened: given as FILE it is"
                        + " a usage error, in a DIRECTORY it is skipped with a warning [input.special].",
                "With --files, every file of each FILE (a folder, a triage zip or a single file, placed on the server's"
                        + " drive as 'exhunt scan' places it) gives its file record instead: what Sigma rules with"
                        + " 'logsource: {product: windows, category: file}' see. Each file is read whole for sha256 and"
                        + " head, which a scan gives only for the files it reads anyway (the web folders)."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.USAGE_MEANING, ExitCodes.INTERNAL_MEANING, ExitCodes.INCOMPLETE_MEANING,
            ExitCodes.OK_MEANING})
final class DumpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Log files or directories of logs (with --files:"
            + " any evidence a scan reads: folders, triage zips, single files).")
    List<Path> paths;

    @Option(names = "--raw", description = "Also print each record's raw text (the log line).")
    boolean raw;

    @Option(names = "--files", description = "Print the file record of every file (path, size, modified time,"
            + " sha256, head) instead of log records, in drive path order.")
    boolean files;

    @Option(names = "--recover-slack", description = "Windows event logs (.evtx): also read the records in chunk slack,"
            + " the space after a chunk's last record (older events of a chunk reused after the log wrapped or was"
            + " cleared, events a live log has not listed yet), and in blocks that are not valid chunks. Each chunk"
            + " with recovered records is reported on standard error [evtx.chunk.recovered].")
    boolean recoverSlack;

    private boolean incomplete;

    @Override
    public Integer call() throws IOException {
        for (Path p : paths) {
            if (!Files.exists(p)) throw new ParameterException(spec.commandLine(), "no such file or directory: " + p);
            String refusal = LogInputs.refusal(p);
            if (refusal != null) throw new ParameterException(spec.commandLine(), refusal);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (RecordJsonl out = new RecordJsonl(spec.commandLine().getOut(), raw)) {
            for (Path p : paths) {
                if (files) {
                    dumpFiles(p, out, err);
                } else if (Files.isDirectory(p)) {
                    for (Path f : LogInputs.filesUnder(p, d -> problem(err, d))) dump(f, out, err, false);
                } else {
                    dump(p, out, err, true);
                }
            }
        }
        err.flush();
        return incomplete ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    private void dump(Path file, RecordJsonl out, PrintWriter err, boolean named) throws IOException {
        String name = ExactNames.of(file);
        try (InputStream in = Files.newInputStream(file)) {
            Optional<RecordStream> opened = LogFiles.open(name, name, in, d -> problem(err, d), recoverSlack);
            if (opened.isEmpty()) {
                if (named) problem(err, Diagnostic.error("dump.unrecognized", SourceRef.file(name),
                        "not a log format exhunt reads"));
                return;
            }
            try (RecordStream records = opened.get()) {
                while (records.hasNext()) out.write(records.next());
                if (!records.complete()) incomplete = true;
            }
        } catch (IOException e) {
            problem(err, Diagnostic.error("dump.unreadable", SourceRef.file(name), "not read: " + e.getMessage()));
        }
    }

    /** The file record of every file of one evidence path, read whole. */
    private void dumpFiles(Path path, RecordJsonl out, PrintWriter err) throws IOException {
        try (EvidenceSource source = open(path)) {
            List<EvidenceFile> listed = new ArrayList<>();
            source.walk(listed::add, d -> problem(err, d));
            listed.sort(Comparator.comparing(EvidenceFile::windowsPath));
            for (EvidenceFile f : listed) {
                try (InputStream in = f.open()) {
                    out.write(FileRecords.read(f.facts(), in));
                } catch (IOException e) {
                    problem(err, Diagnostic.error("dump.unreadable", f.ref(), "not read: " + e.getMessage()));
                }
            }
        }
    }

    private EvidenceSource open(Path path) {
        try {
            return Sources.open(path);
        } catch (UnsupportedEvidenceException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void problem(PrintWriter err, Diagnostic d) {
        if (d.isError()) incomplete = true;
        err.println(Printable.visible(d.toString())); // names and messages from the evidence
    }
}
