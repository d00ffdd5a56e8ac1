package org.exhunt.bench.hunt;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a written image holds, counted from its drive and kept beside it ({@code image.properties}) with the settings
 * it was written with: files and bytes of the web folders (read by a scan), of the logs by folder (read), and of the
 * rest (only listed). The benchmark prints it and the check compares the scan's own counts with it.
 */
final class ImageTally {

    private static final String INSTALL = "Program Files/Microsoft/Exchange Server/V15/";
    private static final List<String> WEB = List.of("inetpub/wwwroot/", INSTALL + "FrontEnd/HttpProxy/", INSTALL + "ClientAccess/");
    private static final List<String> LOGS = List.of("inetpub/logs/", INSTALL + "Logging/", "Windows/System32/winevt/Logs/");

    private int files;
    private int logMb;
    private long webFiles;
    private long webBytes;
    private long listedFiles;
    private long listedBytes;
    private final Map<String, long[]> logs = new TreeMap<>();   // folder (event logs: file) below its log root -> {files, bytes}

    /** Counts the files of a drive written for {@code files} files and {@code logMb} MB of logs. */
    static ImageTally of(Path drive, int files, int logMb) throws IOException {
        ImageTally t = new ImageTally();
        t.files = files;
        t.logMb = logMb;
        try (Stream<Path> walk = Files.walk(drive)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String path = drive.relativize(p).toString().replace('\\', '/');
                long size = Files.size(p);
                String root = LOGS.stream().filter(path::startsWith).findFirst().orElse(null);
                if (root != null) {
                    String log = path.substring(root.length(), path.endsWith(".evtx") ? path.length() : path.lastIndexOf('/'))
                            .replace("LogFiles/", "IIS ");
                    long[] n = t.logs.computeIfAbsent(log, k -> new long[2]);
                    n[0]++;
                    n[1] += size;
                } else if (WEB.stream().anyMatch(path::startsWith)) {
                    t.webFiles++;
                    t.webBytes += size;
                } else {
                    t.listedFiles++;
                    t.listedBytes += size;
                }
            }
        }
        return t;
    }

    /** The files the image was written for. */
    int settingFiles() {
        return files;
    }

    /** The megabytes of logs the image was written for. */
    int settingLogMb() {
        return logMb;
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
        p.setProperty("settings.files", Integer.toString(files));
        p.setProperty("settings.log_mb", Integer.toString(logMb));
        p.setProperty("web.files", Long.toString(webFiles));
        p.setProperty("web.bytes", Long.toString(webBytes));
        p.setProperty("listed.files", Long.toString(listedFiles));
        p.setProperty("listed.bytes", Long.toString(listedBytes));
        logs.forEach((log, t) -> {
            p.setProperty("log." + log + ".files", Long.toString(t[0]));
            p.setProperty("log." + log + ".bytes", Long.toString(t[1]));
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
        t.files = Integer.parseInt(p.getProperty("settings.files"));
        t.logMb = Integer.parseInt(p.getProperty("settings.log_mb"));
        t.webFiles = Long.parseLong(p.getProperty("web.files"));
        t.webBytes = Long.parseLong(p.getProperty("web.bytes"));
        t.listedFiles = Long.parseLong(p.getProperty("listed.files"));
        t.listedBytes = Long.parseLong(p.getProperty("listed.bytes"));
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("log.") && key.endsWith(".files")) {
                String log = key.substring(4, key.length() - ".files".length());
                t.logs.put(log, new long[] {Long.parseLong(p.getProperty(key)),
                    Long.parseLong(p.getProperty("log." + log + ".bytes"))});
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
        logs.forEach((log, t) -> s.append(String.format("  %-45s %,5d files %,7d MB%n", log, t[0], t[1] >> 20)));
        return s.toString();
    }
}
