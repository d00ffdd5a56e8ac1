package org.exhunt.bench.hunt;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the image holds, counted while it is written and kept beside it ({@code image.properties}): files and bytes of
 * the web folders (read by a scan), of the logs by kind (read), and of the rest (only listed). The benchmark prints it
 * and the check compares the scan's own counts with it.
 */
final class ImageTally {

    private long webFiles;
    private long webBytes;
    private long listedFiles;
    private long listedBytes;
    private final Map<String, long[]> logs = new TreeMap<>();   // kind -> {files, bytes}

    void web(long bytes) {
        webFiles++;
        webBytes += bytes;
    }

    void listed(long bytes) {
        listedFiles++;
        listedBytes += bytes;
    }

    void log(String kind, long bytes) {
        long[] t = logs.computeIfAbsent(kind, k -> new long[2]);
        t[0]++;
        t[1] += bytes;
    }

    long files() {
        return webFiles + listedFiles + logFiles();
    }

    long logFiles() {
        return logs.values().stream().mapToLong(t -> t[0]).sum();
    }

    long logBytes() {
        return logs.values().stream().mapToLong(t -> t[1]).sum();
    }

    void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("web.files", Long.toString(webFiles));
        p.setProperty("web.bytes", Long.toString(webBytes));
        p.setProperty("listed.files", Long.toString(listedFiles));
        p.setProperty("listed.bytes", Long.toString(listedBytes));
        logs.forEach((kind, t) -> {
            p.setProperty("log." + kind + ".files", Long.toString(t[0]));
            p.setProperty("log." + kind + ".bytes", Long.toString(t[1]));
        });
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "exhunt scan benchmark image");
        }
    }

    static ImageTally load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        ImageTally t = new ImageTally();
        t.webFiles = Long.parseLong(p.getProperty("web.files"));
        t.webBytes = Long.parseLong(p.getProperty("web.bytes"));
        t.listedFiles = Long.parseLong(p.getProperty("listed.files"));
        t.listedBytes = Long.parseLong(p.getProperty("listed.bytes"));
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("log.") && key.endsWith(".files")) {
                String kind = key.substring(4, key.length() - ".files".length());
                t.logs.put(kind, new long[] {Long.parseLong(p.getProperty(key)),
                    Long.parseLong(p.getProperty("log." + kind + ".bytes"))});
            }
        }
        return t;
    }

    /** A few lines for the benchmark's output. */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%,d files: %,d in the web folders (%,d MB, read), %,d log files (%,d MB, read),"
                        + " %,d other files (%,d MB apparent, listed only)%n", files(), webFiles, webBytes >> 20, logFiles(),
                logBytes() >> 20, listedFiles, listedBytes >> 20));
        logs.forEach((kind, t) -> s.append(String.format("  %-24s %,5d files %,7d MB%n", kind, t[0], t[1] >> 20)));
        return s.toString();
    }
}
