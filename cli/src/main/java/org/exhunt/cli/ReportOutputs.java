package org.exhunt.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where each report of a run goes. With one format, {@code -o FILE} is the file itself and no {@code -o}
 * means the console. With several formats, {@code -o PREFIX} is required and each format is written to
 * {@code PREFIX.<extension>} ({@link ReportFormat#extension}). A format named twice is written once. A
 * report is never written inside the evidence, however a path leads there ({@link EvidenceBoundary}), nor into a
 * folder that does not exist, nor through a link.
 */
final class ReportOutputs {

    /** One report: its format and its file, or {@code null} for the console. */
    record Output(ReportFormat format, Path file) {}

    private ReportOutputs() {}

    /**
     * @throws IllegalArgumentException with a message for the user when the combination cannot be written
     */
    static List<Output> plan(List<ReportFormat> formats, Path output, EvidenceBoundary boundary) {
        List<ReportFormat> distinct = new ArrayList<>(new LinkedHashSet<>(formats));
        List<Output> outputs = new ArrayList<>();
        if (distinct.size() == 1) {
            outputs.add(new Output(distinct.get(0), output));
        } else if (output == null) {
            throw new IllegalArgumentException("several formats (" + String.join(",", distinct.stream().map(Enum::name).toList())
                    + ") need -o PREFIX: each is written to PREFIX.<extension>");
        } else {
            for (ReportFormat f : distinct) {
                outputs.add(new Output(f, output.resolveSibling(output.getFileName() + "." + f.extension)));
            }
        }
        for (Output o : outputs) {
            if (o.file() != null) boundary.checkReport(o.file());
        }
        return outputs;
    }

    /**
     * Opens a report file for writing, never through a symbolic link: one put in place after the checks makes
     * the opening fail instead of writing where it points.
     */
    static Writer open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }
}
