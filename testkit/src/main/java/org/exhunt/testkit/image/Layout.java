package org.exhunt.testkit.image;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * Where things lie in a built image: the install path, the log files (one per day and log, or per day and
 * HttpProxy protocol folder) and the file a trace lands in, with the time its record carries.
 */
final class Layout {

    static final String INSTALL = "Program Files/Microsoft/Exchange Server/V15";
    /** The HttpProxy protocol folders every image with HttpProxy logs has (others appear when a step uses them). */
    static final List<String> HTTPPROXY_FOLDERS = List.of("Autodiscover", "Ecp", "Ews", "Owa");

    private Layout() {}

    /** One log file's stretch of time: a day, cut to the logs' span. */
    record Day(Instant from, Instant to) {}

    static List<Day> days(Instant from, Instant to) {
        List<Day> days = new ArrayList<>();
        for (Instant d = from; d.isBefore(to); d = d.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))) {
            Instant end = d.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
            days.add(new Day(d, end.isAfter(to) ? to : end));
        }
        return days;
    }

    /** The generator of one text log file (without traffic settings): its kind fixes its dialect and file name. */
    static LogGenerator generator(LogKind kind, String folder) {
        return switch (kind) {
            case IIS -> LogGenerator.iis();
            case IIS_BACKEND -> LogGenerator.iisBackEnd();
            case HTTPPROXY -> LogGenerator.httpProxy(folder);
            case ECP_SERVER -> LogGenerator.ecpServer();
            case OAB_GENERATOR -> LogGenerator.oabGenerator();
            case EWS -> LogGenerator.ews();
            case MESSAGE_TRACKING -> LogGenerator.messageTracking();
            default -> throw new IllegalArgumentException(kind + " is no text log");
        };
    }

    /** The HttpProxy folder a line is logged in, or null for other logs. */
    static String folder(Trace.Line line) {
        if (line.kind() != LogKind.HTTPPROXY) return null;
        if (line.event() instanceof PlantedEvent.WebRequest w && w.proxyFolder() != null) return w.proxyFolder();
        throw new IllegalArgumentException("an HttpProxy trace is a WebRequest with its protocol folder: " + line.event());
    }

    /** The file (drive path, '/'-separated) a trace of scenario {@code s} lands in. */
    static String file(Scenario s, Trace t) {
        if (t instanceof Trace.Line line) {
            Instant at = line.event().at();
            Scenario.Span span = s.span(line.kind());
            Instant fileStart = days(span.from(), span.to()).stream().filter(d -> !at.isBefore(d.from()) && at.isBefore(d.to()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("outside the logs: " + line)).from();
            return generator(line.kind(), folder(line)).start(fileStart).serverPath();
        }
        return t.kind().evtxPath();
    }

    /** The time the trace's record carries: IIS writes whole seconds, the other logs milliseconds. */
    static Instant recordTime(Trace t) {
        Instant at = t instanceof Trace.Line l ? l.event().at() : ((Trace.Event) t).event().time();
        return t.kind() == LogKind.IIS ? at.truncatedTo(ChronoUnit.SECONDS) : at;
    }
}
