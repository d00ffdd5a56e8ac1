package org.exhunt.testkit.image;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A server image described in a few lines: what ran, which logs were kept and how far back, what the intruders
 * did and left behind, and what was in front of the server. Build one with {@link #named}; {@link ImageBuilder}
 * writes it, {@link Oracle} says what a correct scan concludes from it.
 */
public final class Scenario {

    /** URL-rewrite mitigations in the Default Web Site's configuration. */
    public enum Mitigation {
        /** EOMT.ps1's two cookie rules (March 2021, CVE-2021-26855). */
        EOMT,
        /** EOMTv2.ps1's rule (October 2022, CVE-2022-41040; OWASSRF passes it). */
        EOMT_V2
    }

    /** A build the server ran before an update, up to {@code until}. */
    public record EarlierBuild(String build, Instant until) {}

    /**
     * A record of the server's patch history that the image holds, besides the builds its logs' lines carry.
     *
     * @param at    when the new build runs: the end of a setup run, the time of an update's install
     * @param build the build it installed
     * @param name  an update's name as Windows Installer gives it; null for setup runs
     */
    public record PatchRecord(Kind kind, Instant at, String build, String name) {

        /** How long a run of Exchange's setup takes: its log starts this long before the new build runs. */
        public static final Duration SETUP_RUN = Duration.ofMinutes(40);

        public enum Kind {
            /** Exchange's setup installing Exchange on a server that had none ({@code C:\ExchangeSetupLogs\ExchangeSetup.log}). */
            SETUP_INSTALL,
            /** Exchange's setup installing a cumulative update over an earlier one (the same log). */
            SETUP_UPGRADE,
            /** Windows Installer installing a security update: MsiInstaller's event 1022 in the Application log, when it reaches back that far. */
            MSI_UPDATE,
            /** A security update's installer, leaving its Windows Installer log in {@code <install>\\Logging\\Update\\msi}. */
            UPDATE_LOG
        }

        /** How long an update's installer runs: its log starts this long before it ends. */
        public static final Duration UPDATE_RUN = Duration.ofMinutes(30);

        /** When the run that made this record started: before it, a fresh install's server ran no Exchange. */
        public Instant started() {
            return switch (kind) {
                case MSI_UPDATE -> at;
                case UPDATE_LOG -> at.minus(UPDATE_RUN);
                default -> at.minus(SETUP_RUN);
            };
        }
    }

    /** How far back a log reaches and where it ends (exclusive). */
    public record Span(Instant from, Instant to) {}

    private final String name;
    private final String title;
    private final long seed;
    private final String build;
    private final List<EarlierBuild> earlier;
    private final List<PatchRecord> patches;
    private final Map<LogKind, Span> logs;
    private final int requestsPerHour;
    private final boolean bareCsvHeader;
    private final List<Step> steps;
    private final List<DroppedFile> files;
    private final Set<Mitigation> mitigations;
    private final List<String> httpProxyFolders;
    private final Map<String, Duration> lineGaps;
    private final Map<LogKind, Integer> eventsPerDay;
    private final int filesInAll;

    private Scenario(Builder b) {
        name = b.name;
        title = Objects.requireNonNull(b.title, "title");
        seed = b.seed;
        build = Objects.requireNonNull(b.build, "build");
        earlier = List.copyOf(b.earlier);
        patches = List.copyOf(b.patches);
        logs = Collections.unmodifiableMap(new EnumMap<>(b.logs));
        requestsPerHour = b.requestsPerHour;
        bareCsvHeader = b.bareCsvHeader;
        steps = List.copyOf(b.steps);
        files = List.copyOf(b.files);
        mitigations = b.mitigations.isEmpty() ? Set.of() : Set.copyOf(b.mitigations);
        httpProxyFolders = List.copyOf(b.httpProxyFolders);
        lineGaps = Map.copyOf(b.lineGaps);
        eventsPerDay = Map.copyOf(b.eventsPerDay);
        filesInAll = b.filesInAll;
        for (Span span : logs.values()) {
            if (span.from() == null || span.to() == null || !span.to().isAfter(span.from())) {
                throw new IllegalArgumentException(name + ": logs need a span (logs(from, to, kinds...))");
            }
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The image's folder name. */
    public String name() { return name; }
    /** One line saying what the image shows. */
    public String title() { return title; }
    public long seed() { return seed; }
    /** The build installed now: {@code Bin\ExSetup.exe}'s version. */
    public String build() { return build; }
    /** Builds the server ran before, oldest first, each up to its update. */
    public List<EarlierBuild> earlierBuilds() { return earlier; }
    /** The records of installs the image holds, oldest first. */
    public List<PatchRecord> patchRecords() { return patches; }
    /** Where the earliest log starts. */
    public Instant logsFrom() { return logs.values().stream().map(Span::from).min(Instant::compareTo).orElse(null); }
    /** Where the latest log ends (exclusive). */
    public Instant logsTo() { return logs.values().stream().map(Span::to).max(Instant::compareTo).orElse(null); }
    public Set<LogKind> logs() { return logs.keySet(); }
    /** How far one log reaches; null when the image does not have it. */
    public Span span(LogKind kind) { return logs.get(kind); }
    /** Ordinary requests per hour in the IIS log (the other logs scale from it). */
    public int requestsPerHour() { return requestsPerHour; }
    /** Whether the HttpProxy logs put a bare CSV header before their {@code #} block, as some servers do. */
    public boolean bareCsvHeader() { return bareCsvHeader; }
    public List<Step> steps() { return steps; }
    public List<DroppedFile> files() { return files; }
    public Set<Mitigation> mitigations() { return mitigations; }
    /** HttpProxy's protocol folders every day has (the folders a step uses come on top). */
    public List<String> httpProxyFolders() { return httpProxyFolders; }

    /**
     * The mean time between the ordinary lines of a text log ({@code folder}: HttpProxy's protocol folder, else
     * null), when the scenario sets it; null: the image builder's default, from {@link #requestsPerHour()}.
     */
    public Duration lineGap(LogKind kind, String folder) { return lineGaps.get(kind + "/" + folder); }

    /** Ordinary events a day in an event log, when the scenario sets it; null: the image builder's default. */
    public Integer eventsPerDay(LogKind kind) { return eventsPerDay.get(kind); }

    /**
     * About how many files the drive holds in all: the files of the Exchange install and of Windows that only a
     * large image has (web content, assemblies, ...) fill up what the logs and the other files leave; 0: none.
     */
    public int filesInAll() { return filesInAll; }

    /** The build the server ran at {@code time}. */
    public String buildAt(Instant time) {
        for (EarlierBuild e : earlier) {
            if (time.isBefore(e.until())) return e.build();
        }
        return build;
    }

    /** Whether a trace of this kind at this time is in the image's logs. */
    public boolean logged(LogKind kind, Instant time) {
        Span span = logs.get(kind);
        return span != null && !time.isBefore(span.from()) && time.isBefore(span.to());
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects a {@link Scenario}. */
    public static final class Builder {
        private final String name;
        private String title;
        private long seed = 1;
        private String build;
        private final List<EarlierBuild> earlier = new ArrayList<>();
        private final List<PatchRecord> patches = new ArrayList<>();
        private final Map<LogKind, Span> logs = new EnumMap<>(LogKind.class);
        private int requestsPerHour = 8;
        private boolean bareCsvHeader = true;
        private final List<Step> steps = new ArrayList<>();
        private final List<DroppedFile> files = new ArrayList<>();
        private final Set<Mitigation> mitigations = EnumSet.noneOf(Mitigation.class);
        private List<String> httpProxyFolders = Layout.HTTPPROXY_FOLDERS;
        private final Map<String, Duration> lineGaps = new HashMap<>();
        private final Map<LogKind, Integer> eventsPerDay = new EnumMap<>(LogKind.class);
        private int filesInAll;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }

        /** The build installed now (short form, {@code 15.1.2176.2}). */
        public Builder build(String build) { this.build = build; return this; }

        /** A build the server ran until an update at {@code until}; call oldest first. */
        public Builder ranEarlier(String build, Instant until) {
            earlier.add(new EarlierBuild(build, until));
            return this;
        }

        /** Exchange's setup installed {@code build} on a server without Exchange, its run ending at {@code at}. */
        public Builder setupInstall(Instant at, String build) {
            patches.add(new PatchRecord(PatchRecord.Kind.SETUP_INSTALL, at, build, null));
            return this;
        }

        /** Exchange's setup upgraded the server to the CU {@code build}, its run ending at {@code at}. */
        public Builder setupUpgrade(Instant at, String build) {
            patches.add(new PatchRecord(PatchRecord.Kind.SETUP_UPGRADE, at, build, null));
            return this;
        }

        /** Windows Installer installed the update {@code name} ({@code build}) at {@code at}. */
        public Builder msiUpdate(Instant at, String build, String name) {
            patches.add(new PatchRecord(PatchRecord.Kind.MSI_UPDATE, at, build, name));
            return this;
        }

        /** A security update's installer installed {@code name} ({@code build}), ending at {@code at}, and left its log. */
        public Builder updateLog(Instant at, String build, String name) {
            patches.add(new PatchRecord(PatchRecord.Kind.UPDATE_LOG, at, build, name));
            return this;
        }

        /** The logs kept, all reaching from {@code from} to {@code to}; logs kept longer or shorter take a call of their own. */
        public Builder logs(Instant from, Instant to, LogKind... kinds) {
            for (LogKind kind : kinds) logs.put(kind, new Span(from, to));
            return this;
        }

        /** The logs kept, from {@code from} for {@code span}. */
        public Builder logs(Instant from, Duration span, LogKind... kinds) {
            return logs(from, from.plus(span), kinds);
        }

        public Builder requestsPerHour(int n) { requestsPerHour = n; return this; }
        public Builder bareCsvHeader(boolean bare) { bareCsvHeader = bare; return this; }
        public Builder step(Step step) { steps.add(step); return this; }
        public Builder steps(List<Step> more) { steps.addAll(more); return this; }
        public Builder file(DroppedFile file) { files.add(file); return this; }
        public Builder mitigation(Mitigation m) { mitigations.add(m); return this; }
        public Builder httpProxyFolders(List<String> folders) { httpProxyFolders = List.copyOf(folders); return this; }

        /** The mean time between ordinary lines of a text log ({@code folder}: HttpProxy's protocol folder, else null). */
        public Builder lineGap(LogKind kind, String folder, Duration gap) {
            if (kind.isEventLog()) throw new IllegalArgumentException(kind + " is an event log");
            lineGaps.put(kind + "/" + folder, gap);
            return this;
        }

        public Builder eventsPerDay(LogKind kind, int n) {
            if (!kind.isEventLog()) throw new IllegalArgumentException(kind + " is no event log");
            eventsPerDay.put(kind, n);
            return this;
        }

        public Builder filesInAll(int n) { filesInAll = n; return this; }

        public Scenario build() {
            return new Scenario(this);
        }
    }
}
