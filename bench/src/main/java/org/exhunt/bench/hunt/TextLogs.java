package org.exhunt.bench.hunt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * The image's IIS and Exchange text logs, one file a day each: IIS (W3SVC1, the front end, and W3SVC2, the back end)
 * for every day since the IIS retention began, the HttpProxy protocol folders, ECP Server and OABGenerator for their
 * last {@link #EXCHANGE_RETENTION_DAYS} days (Exchange's default retention). Every file gets the intrusion steps of
 * its day; the generators write those they record and ignore the others.
 */
final class TextLogs {

    /** The day the image was taken: every log ends before it. */
    static final Instant CAPTURED = Instant.parse("2021-08-24T00:00:00Z");
    static final Instant IIS_FROM = Instant.parse("2021-02-22T00:00:00Z");
    static final int EXCHANGE_RETENTION_DAYS = 30;
    static final Instant EXCHANGE_FROM = CAPTURED.minus(EXCHANGE_RETENTION_DAYS, ChronoUnit.DAYS);

    /**
     * One kind of daily log: how to make it, the IIS site its files go to (null: where the generator puts them), its
     * share of the log bytes, its first day, and whether it shows the intrusion (the back-end site's log does not:
     * it would repeat the front end's lines).
     */
    record Kind(String name, Supplier<LogGenerator> generator, String site, double share, Instant from, boolean planted) {}

    /** Shares of the whole log budget (the event logs take the rest: {@link ServerImage#EVENT_LOG_SHARES}). */
    static final List<Kind> KINDS = List.of(
            new Kind("IIS W3SVC1", LogGenerator::iis, "W3SVC1", 0.34, IIS_FROM, true),
            new Kind("IIS W3SVC2", LogGenerator::iis, "W3SVC2", 0.14, IIS_FROM, false),
            proxy("Ews", 0.075), proxy("Mapi", 0.075), proxy("Owa", 0.06), proxy("Eas", 0.05),
            proxy("Autodiscover", 0.04), proxy("Ecp", 0.03), proxy("RpcHttp", 0.02), proxy("Oab", 0.01),
            proxy("PowerShell", 0.01),
            new Kind("ECP Server", LogGenerator::ecpServer, null, 0.02, EXCHANGE_FROM, true),
            new Kind("OABGenerator", LogGenerator::oabGenerator, null, 0.005, EXCHANGE_FROM, true));

    private TextLogs() {}

    private static Kind proxy(String protocol, double share) {
        return new Kind("HttpProxy " + protocol, () -> LogGenerator.httpProxy(protocol), null, share, EXCHANGE_FROM, true);
    }

    /** Writes one kind's daily files, {@code bytes} in all; adds each file to {@code tally}. */
    static void write(Path drive, Kind kind, long bytes, ImageTally tally) throws IOException {
        int days = (int) Duration.between(kind.from(), CAPTURED).toDays();
        long perDay = bytes / days;
        Duration gap = Duration.ofDays(1).dividedBy(Math.max(1, perDay / lineBytes(kind)));
        for (int d = 0; d < days; d++) {
            Instant day = kind.from().plus(d, ChronoUnit.DAYS);
            LogGenerator log = kind.generator().get().seed(kind.name().hashCode() * 31L + d).start(day).meanGap(gap)
                    .size(perDay).plant(Intrusion.logSteps().stream()
                            .filter(s -> kind.planted() && !s.at().isBefore(day) && s.at().isBefore(day.plus(1, ChronoUnit.DAYS)))
                            .toArray(PlantedEvent[]::new));
            String path = log.serverPath();
            if (kind.site() != null) path = path.replace("/W3SVC1/", "/" + kind.site() + "/");
            Path file = drive.resolve(path);
            log.writeTo(file);
            Files.setLastModifiedTime(file, FileTime.from(day.plus(1, ChronoUnit.DAYS).minusSeconds(1)));
            tally.log(kind.name(), Files.size(file));
        }
    }

    /** The mean bytes of a line of this kind, from a sample of the generator's output. */
    private static long lineBytes(Kind kind) throws IOException {
        byte[] sample;
        try (InputStream in = kind.generator().get().size(256 << 10).open()) {
            sample = in.readAllBytes();
        }
        long lines = 0;
        for (byte b : sample) if (b == '\n') lines++;
        return Math.max(1, sample.length / Math.max(1, lines));
    }
}
