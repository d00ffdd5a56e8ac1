package org.exhunt.testkit.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Realistic IIS and Exchange logs of any size, produced on the fly: {@link #open()} streams the log as it is
 * read, so a 10 GB benchmark needs no disk, and the same settings always give the same bytes.
 *
 * <pre>{@code
 * LogGenerator log = LogGenerator.httpProxy("Ecp")
 *         .start(Instant.parse("2021-03-03T00:00:00Z"))
 *         .size(50 << 20)
 *         .plant(PlantedEvent.ProxyLogonSsrf.probe(Instant.parse("2021-03-03T06:49:43Z"), "130.255.189.21", "ex01.contoso.local"));
 * log.writeTo(image.resolve(log.serverPath()));     // or: try (InputStream in = log.open()) { ... }
 * }</pre>
 *
 * Ordinary traffic (OWA, EWS, MAPI, ActiveSync, Autodiscover, ECP, health probes; mostly internal clients;
 * administrators' cmdlets; mail flow) is drawn from a seeded random source; {@link PlantedEvent}s are written the way the attacks left them in the
 * wild. Settings are fluent and return this generator; each {@link #open()} starts a fresh, independent stream.
 */
public final class LogGenerator {

    private final Function<LogGenerator, Dialect> dialect;
    private long seed = 1;
    private Instant start = Instant.parse("2021-03-03T00:00:00Z");
    private Duration meanGap = Duration.ofMillis(50);
    private long size = 1 << 20;
    private Instant end = Instant.MAX;
    private long restartEvery;
    private String server = "EX01";
    private String build = "15.1.2176.2";
    private boolean bareCsvHeader;
    private Instant buildChange;
    private String changedBuild;
    private final List<PlantedEvent> planted = new ArrayList<>();

    private LogGenerator(Function<LogGenerator, Dialect> dialect) {
        this.dialect = dialect;
    }

    /** IIS W3C log of the Exchange front end (Default Web Site, W3SVC1), IIS's default fields. */
    public static LogGenerator iis() {
        return new LogGenerator(g -> new IisDialect("10.0.0.5", "W3SVC1"));
    }

    /** IIS W3C log of the Exchange Back End site (W3SVC2), with the front end's fields and everyday traffic. */
    public static LogGenerator iisBackEnd() {
        return new LogGenerator(g -> new IisDialect("10.0.0.5", "W3SVC2"));
    }

    /** HttpProxy log of one protocol folder ({@code Ecp}, {@code Owa}, {@code Autodiscover}, {@code Ews}, ...). */
    public static LogGenerator httpProxy(String protocol) {
        Objects.requireNonNull(protocol, "protocol");
        return new LogGenerator(g -> new HttpProxyDialect(protocol, g.server, g.build, g.bareCsvHeader));
    }

    /** ECP Server log. */
    public static LogGenerator ecpServer() {
        return new LogGenerator(g -> new EcpServerDialect(g.server, g.build));
    }

    /** OABGeneratorLog (free text). */
    public static LogGenerator oabGenerator() {
        return new LogGenerator(g -> new OabGeneratorDialect());
    }

    /** EWS log ({@code Logging/Ews}); shows {@link PlantedEvent.EwsRequest}s. */
    public static LogGenerator ews() {
        return new LogGenerator(g -> new EwsDialect(g.server, g.build, g.bareCsvHeader));
    }

    /** Remote PowerShell cmdlet log ({@code Logging/CmdletInfra/...}); shows {@link PlantedEvent.RemotePowerShellCmdlet}s. */
    public static LogGenerator rpsCmdlet() {
        return new LogGenerator(g -> new RpsCmdletDialect(g.server, g.build));
    }

    /** Message Tracking log ({@code TransportRoles/Logs/MessageTracking}); shows {@link PlantedEvent.MailSent}s. */
    public static LogGenerator messageTracking() {
        return new LogGenerator(g -> new MessageTrackingDialect(g.server, g.build));
    }

    /** The random seed: the same seed gives the same log. Default 1. */
    public LogGenerator seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The time of the first line. Default 2021-03-03T00:00:00Z. */
    public LogGenerator start(Instant start) {
        this.start = Objects.requireNonNull(start);
        return this;
    }

    /** The mean time between two lines (gaps are drawn between 0 and twice this). Default 50 ms. */
    public LogGenerator meanGap(Duration gap) {
        this.meanGap = Objects.requireNonNull(gap);
        return this;
    }

    /** About how many bytes to produce: lines are written until this is reached, then the planted events left. */
    public LogGenerator size(long bytes) {
        this.size = bytes;
        return this;
    }

    /** Ordinary traffic stops at this time, or when the size is reached, whichever comes first. Default: no end time. */
    public LogGenerator until(Instant end) {
        this.end = Objects.requireNonNull(end);
        return this;
    }

    /** Writes the header block again every {@code lines} lines, as after a service restart. 0 (default): never. */
    public LogGenerator restartEvery(long lines) {
        this.restartEvery = lines;
        return this;
    }

    /** The server's host name. Default {@code EX01}. */
    public LogGenerator server(String server) {
        this.server = Objects.requireNonNull(server);
        return this;
    }

    /**
     * The Exchange build the logs show (HttpProxy, EWS, RPS, Message Tracking headers and columns; ECP's BLD), short
     * form. Default {@code 15.1.2176.2} (2016 CU19, before the March 2021 SU).
     */
    public LogGenerator build(String build) {
        this.build = Objects.requireNonNull(build);
        return this;
    }

    /**
     * From {@code at} the log shows {@code build}, as after a security update's install restarted the services: the
     * process that writes it from then on starts with its header block again ({@code #Version}) and writes the new
     * build in its lines. Logs that show no build are not changed.
     */
    public LogGenerator buildChange(Instant at, String build) {
        this.buildChange = Objects.requireNonNull(at);
        this.changedBuild = Objects.requireNonNull(build);
        return this;
    }

    /** HttpProxy and EWS only: put a bare CSV header line before the {@code #} block, as some servers do. */
    public LogGenerator bareCsvHeader(boolean bare) {
        this.bareCsvHeader = bare;
        return this;
    }

    /** Adds attack steps to the log. */
    public LogGenerator plant(PlantedEvent... events) {
        planted.addAll(List.of(events));
        return this;
    }

    /** Where such a log lies on the server's drive, '/'-separated, e.g. {@code inetpub/logs/LogFiles/W3SVC1/u_ex210303.log}. */
    public String serverPath() {
        return dialect.apply(this).serverPath(start.toEpochMilli());
    }

    /** A fresh stream of the log, produced as it is read. */
    public InputStream open() {
        List<PlantedEvent> events = new ArrayList<>(planted);
        events.sort(Comparator.comparing(PlantedEvent::at));
        long endMillis = end.equals(Instant.MAX) ? Long.MAX_VALUE : end.toEpochMilli();
        return new GeneratedStream(dialect.apply(this), seed, start.toEpochMilli(), endMillis,
                Math.max(1, meanGap.toMillis()), size, restartEvery, events,
                buildChange == null ? Long.MAX_VALUE : buildChange.toEpochMilli(), changedBuild);
    }

    /** Writes the log to a file, creating its folders. */
    public void writeTo(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        try (InputStream in = open(); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }
}
