package org.exhunt.hunt.history;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.PatchEvent;

/**
 * Reads {@code C:\ExchangeSetupLogs\ExchangeSetup.log}, the log every run of Exchange's setup appends to: one
 * {@link PatchEvent} per run that installed or upgraded Exchange, with the build it set up and whether it completed.
 *
 * <p>A run starts at {@code Starting Microsoft Exchange Server 2016 Setup} and holds, among much else,
 * {@code Local time zone: (UTC-06:00) Central Time (US & Canada).}, {@code Setup version: 15.1.2106.2.},
 * {@code The installation mode is set to: 'BuildToBuildUpgrade'.} (or {@code 'Install'}, {@code 'Uninstall'},
 * {@code 'DisasterRecovery'}), on a server that has Exchange already {@code The local server has some Exchange files
 * installed.} and {@code The locally installed version is 15.1.1261.35.}, and ends with {@code The Exchange Server
 * setup operation completed successfully.} or {@code ... didn't complete.}, then {@code End of Setup} (the shapes of
 * CSS-Exchange's SetupLogReviewer test logs, Setup/Tests/KnownIssues). Every line starts with
 * {@code [MM/dd/yyyy HH:mm:ss.ffff]}, month first, the separator the server's culture's ({@code 11.14.2022}).
 *
 * <p>A run is a fresh install only when its mode is {@code Install}, it prepares no directory ({@code /PrepareSchema}
 * runs say {@code Install} too) and it says neither that Exchange files are installed nor a locally installed
 * version: only then did the server run no Exchange before it. The log does not say whether its times are the local
 * time it names or UTC; they are read as local, and the entry's uncertainty is the zone's offset plus an hour for
 * daylight saving time, so that a window takes whichever reading over-assures least; none for the zone
 * {@code (UTC) Coordinated Universal Time}, which has neither.
 */
final class SetupLog {

    private static final Pattern LINE = Pattern.compile("^\\[(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}) (\\d{1,2}):(\\d{2}):(\\d{2})[.,](\\d{1,7})\\] \\[\\d+\\] (.*)$");
    private static final Pattern START = Pattern.compile("Starting Microsoft Exchange Server (.+?) Setup");
    private static final Pattern ZONE = Pattern.compile("Local time zone: \\(UTC(?:([+-])(\\d{2}):(\\d{2}))?\\)");
    private static final Pattern VERSION = Pattern.compile("Setup version: (\\d+\\.\\d+\\.\\d+\\.\\d+)");
    private static final Pattern MODE = Pattern.compile("The installation mode is set to: '([A-Za-z]+)'");
    private static final Pattern PREPARE = Pattern.compile("Command Line Parameter Name='(prepareschema|preparead|prepareallDomains|preparedomain)'",
            Pattern.CASE_INSENSITIVE);
    private static final String HAS_FILES = "The local server has some Exchange files installed";
    private static final String LOCAL_VERSION = "The locally installed version is ";
    private static final String SUCCESS = "The Exchange Server setup operation completed successfully";
    private static final String FAILURE = "The Exchange Server setup operation didn't complete";
    /** When the log names no zone: any offset on Earth, either way. */
    static final Duration UNKNOWN_ZONE = Duration.ofHours(14);
    private static final Duration DAYLIGHT = Duration.ofHours(1);

    private SetupLog() {}

    /** The runs of one setup log that installed or upgraded Exchange, in the log's order. */
    static List<PatchEvent> read(InputStream in, String file) throws IOException {
        List<PatchEvent> out = new ArrayList<>();
        Run run = null;
        try (TextLines lines = new TextLines(in)) {
            for (String line; (line = lines.next()) != null; ) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) continue;   // the scripts setup runs span lines of their own
                String text = m.group(8);
                Matcher start = START.matcher(text);
                if (start.find()) {
                    if (run != null) run.end(null, out);
                    run = new Run(file, lines.number(), start.group(1));
                }
                if (run == null) continue;
                Instant at = run.time(m);
                if (at == null) continue;
                if (run.started == null) run.started = at;
                run.last = at;
                run.read(text);
                if (text.startsWith(SUCCESS)) {
                    run.end(PatchEvent.Outcome.SUCCEEDED, out);
                    run = null;
                } else if (text.startsWith(FAILURE)) {
                    run.end(PatchEvent.Outcome.FAILED, out);
                    run = null;
                }
            }
        }
        if (run != null) run.end(null, out);
        return out;
    }

    /** One run of setup, as far as read. */
    private static final class Run {
        final String file;
        final long line;
        final String product;
        ZoneOffset zone;
        boolean coordinatedUniversalTime;   // "(UTC)": no offset and no daylight saving time
        Instant started;
        Instant last;
        String version;
        String mode;
        boolean prepares;
        boolean hadExchange;

        Run(String file, long line, String product) {
            this.file = file;
            this.line = line;
            this.product = product;
        }

        void read(String text) {
            Matcher z = ZONE.matcher(text);
            if (zone == null && z.find()) {
                coordinatedUniversalTime = z.group(1) == null;
                zone = z.group(1) == null ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(
                        Integer.parseInt(z.group(1) + z.group(2)), Integer.parseInt(z.group(1) + z.group(3)));
            }
            Matcher v = VERSION.matcher(text);
            if (version == null && v.find()) version = v.group(1);
            Matcher mode = MODE.matcher(text);
            if (this.mode == null && mode.find()) this.mode = mode.group(1);
            if (PREPARE.matcher(text).find()) prepares = true;
            if (text.startsWith(HAS_FILES) || text.startsWith(LOCAL_VERSION)) hadExchange = true;
        }

        /** A line's time, read as local time at the run's zone (UTC until the zone line). */
        Instant time(Matcher m) {
            try {
                LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
                return t.toInstant(zone == null ? ZoneOffset.UTC : zone);
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return null;   // a damaged line's date
            }
        }

        Duration uncertainty() {
            if (zone == null) return UNKNOWN_ZONE;
            if (coordinatedUniversalTime) return Duration.ZERO;   // local time is UTC, read either way
            return Duration.ofSeconds(Math.abs(zone.getTotalSeconds())).plus(DAYLIGHT);
        }

        /** Adds the run's entry, if it installed or upgraded Exchange; {@code outcome} null: its end is not in the log. */
        void end(PatchEvent.Outcome outcome, List<PatchEvent> out) {
            if (mode == null || version == null || prepares || last == null) return;
            String m = mode.toLowerCase(Locale.ROOT);
            PatchEvent.Action action;
            if (m.equals("install")) action = hadExchange ? PatchEvent.Action.UPGRADE : PatchEvent.Action.FRESH_INSTALL;
            else if (m.equals("upgrade") || m.equals("buildtobuildupgrade") || m.equals("disasterrecovery")) action = PatchEvent.Action.UPGRADE;
            else return;   // Uninstall and the like install no build
            // a fresh install counts from its start (no Exchange before it); an upgrade's build runs once it completes
            Instant at = action == PatchEvent.Action.FRESH_INSTALL ? started : last;
            String what = "Exchange Server " + product + " setup, mode " + mode + ", version " + version
                    + (outcome == null ? " (its end is not in the log)" : outcome == PatchEvent.Outcome.FAILED ? " (did not complete)" : "");
            out.add(new PatchEvent(PatchEvent.Kind.SETUP_LOG, action, at, null, uncertainty(), version, what,
                    outcome == null ? PatchEvent.Outcome.UNKNOWN : outcome, SourceRef.line(file, line).toString(),
                    PatchEvent.Strength.RECORDED));
        }
    }
}
