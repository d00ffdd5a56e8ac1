package org.exhunt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where each report of a run goes. With one format, {@code -o FILE} is the file itself and no {@code -o}
 * means the console. With several formats, {@code -o PREFIX} is required and each format is written to
 * {@code PREFIX.<extension>} ({@link ReportFormat#extension}). A format named twice is written once. A
 * report is never written inside the evidence, nor into a folder that does not exist.
 */
final class ReportOutputs {

    /** One report: its format and its file, or {@code null} for the console. */
    record Output(ReportFormat format, Path file) {}

    private ReportOutputs() {}

    /**
     * @throws IllegalArgumentException with a message for the user when the combination cannot be written
     */
    static List<Output> plan(List<ReportFormat> formats, Path output, List<Path> evidence) {
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
            if (o.file() != null) check(o.file(), evidence);
        }
        return outputs;
    }

    private static void check(Path file, List<Path> evidence) {
        Path target = file.toAbsolutePath().normalize();
        for (Path p : evidence) {
            if (target.startsWith(p.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(
                        "the report " + file + " would be written inside the evidence " + p
                        + "; write it elsewhere (another drive or a share)");
            }
        }
        Path folder = target.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no such folder for the report " + file + ": " + folder);
        }
    }
}
