package org.exhunt.bench.hunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the scan benchmark's server image ({@code bench/hunt.sh}): {@code ServerImage DIR FILES LOG_MB} writes
 * {@code DIR/drive} (the server's C:\ drive, about FILES files of which about LOG_MB megabytes of logs) and
 * {@code DIR/image.properties} (what it holds). An image already written with the same settings is kept: writing
 * one takes minutes, scanning it seconds.
 */
public final class ServerImage {

    /** The event logs, their share of the log bytes and their first day (each ends on {@link TextLogs#CAPTURED}). */
    record EventLog(String file, double share, Instant from) {}

    static final List<EventLog> EVENT_LOG_SHARES = List.of(
            new EventLog(EventLogs.APPLICATION, 0.03, TextLogs.IIS_FROM),
            new EventLog(EventLogs.MANAGEMENT, 0.015, TextLogs.IIS_FROM),
            new EventLog(EventLogs.SECURITY, 0.03, TextLogs.EXCHANGE_FROM),
            new EventLog(EventLogs.SYSMON, 0.02, TextLogs.EXCHANGE_FROM));

    private ServerImage() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ServerImage DIR FILES LOG_MB");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        long logBytes = Long.parseLong(args[2]) << 20;
        Path manifest = dir.resolve("image.properties");
        String settings = files + " files, " + (logBytes >> 20) + " MB of logs";
        if (Files.exists(manifest) && settings.equals(settingsOf(manifest))) {
            System.out.print("image kept (" + settings + "): " + ImageTally.load(manifest).describe());
            return;
        }
        long start = System.nanoTime();
        ImageTally tally = write(dir.resolve("drive"), files, logBytes);
        tally.save(manifest);
        Files.writeString(dir.resolve("image.settings"), settings);
        System.out.printf("image written in %.0f s: %s", (System.nanoTime() - start) / 1e9, tally.describe());
    }

    private static String settingsOf(Path manifest) throws IOException {
        Path settings = manifest.resolveSibling("image.settings");
        return Files.exists(settings) ? Files.readString(settings) : null;
    }

    static ImageTally write(Path drive, int files, long logBytes) throws IOException {
        if (Files.exists(drive)) deleteTree(drive);
        ImageTally tally = new ImageTally();
        double shares = TextLogs.KINDS.stream().mapToDouble(TextLogs.Kind::share).sum()
                + EVENT_LOG_SHARES.stream().mapToDouble(EventLog::share).sum();
        for (TextLogs.Kind kind : TextLogs.KINDS) {
            TextLogs.write(drive, kind, (long) (logBytes * kind.share() / shares), tally);
        }
        for (EventLog log : EVENT_LOG_SHARES) {
            tally.log("EVTX " + log.file(), EventLogs.write(drive, log.file(), (long) (logBytes * log.share() / shares),
                    log.from(), TextLogs.CAPTURED));
        }
        for (Intrusion.Shell s : Intrusion.shells()) {
            if (s.size() > s.content().length) InstallTree.sparse(drive, s.path(), s.content(), s.size(), s.modified());
            else InstallTree.write(drive, s.path(), s.content(), s.modified());
            tally.web(Math.max(s.size(), s.content().length));
        }
        int others = (int) (files - tally.files() - InstallTree.STANDARD_FILES);
        InstallTree.write(drive, others, tally);
        return tally;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
