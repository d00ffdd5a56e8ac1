package org.exhunt.hunt.build;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Limits;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.evidence.EvidenceBytes;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.MalformedBuildNumberException;

/**
 * Collects a server's build sightings during one scan: {@link #examine} looks at each evidence file
 * ({@code Bin\ExSetup.exe}, the OWA version folders), {@link #logs} takes what the log readers' coverage saw
 * ({@code #Version} headers, HttpProxy version columns, ECP {@code BLD}), {@link #result} decides.
 */
public final class BuildEvidence {

    private static final String OWA_AUTH = "/frontend/httpproxy/owa/auth/";
    private static final String EXSETUP = "/bin/exsetup.exe";

    private final String installKey; // the install path in lower case, '/'-separated; null when unknown
    private final List<BuildObservation> observations = new ArrayList<>();
    private final Map<String, FolderSeen> folders = new HashMap<>();

    private record FolderSeen(BuildNumber build, String path, SourceRef where, Instant earliest) {}

    /** @param installPath the Exchange install path as found ('/'-separated), or {@code null} */
    public BuildEvidence(String installPath) {
        this.installKey = installPath == null ? null : installPath.toLowerCase(Locale.ROOT);
    }

    /** Looks at one evidence file; reads it only when it is ExSetup.exe. */
    public void examine(EvidenceFile file, Consumer<Diagnostic> problems) {
        if (installKey == null) return;
        String p = file.drivePath().toLowerCase(Locale.ROOT);
        if (p.equals(installKey + EXSETUP)) {
            readExSetup(file, problems);
        } else if (p.startsWith(installKey + OWA_AUTH)) {
            String rest = file.drivePath().substring(installKey.length() + OWA_AUTH.length());
            int slash = rest.indexOf('/');
            if (slash > 0) folder(file, rest.substring(0, slash));
        }
    }

    /** A sighting read elsewhere. */
    public synchronized void add(BuildObservation observation) {
        observations.add(observation);
    }

    /** The builds the logs of each type show, with when each was first and last seen. */
    public void logs(List<LogCoverage> coverage) {
        for (LogCoverage c : coverage) {
            for (LogCoverage.BuildSeen seen : c.builds()) {
                try {
                    add(new BuildObservation(BuildNumber.parse(seen.build()), BuildSource.LOGS,
                            SourceRef.file(c.type() + " logs"), c.type() + " logs", seen.first(), seen.last()));
                } catch (MalformedBuildNumberException e) {
                    // the coverage only keeps well-formed four-part builds; a part above 65535 is none either
                }
            }
        }
    }

    public synchronized DetectedBuild result() {
        List<BuildObservation> all = new ArrayList<>(observations);
        folders.values().stream().sorted((a, b) -> a.build.compareTo(b.build))
                .forEach(f -> all.add(new BuildObservation(f.build, BuildSource.OWA_FOLDER, f.where, f.path, f.earliest, null)));
        return new DetectedBuild(all);
    }

    private void folder(EvidenceFile file, String name) {
        BuildNumber build;
        try {
            build = BuildNumber.parse(name);
        } catch (MalformedBuildNumberException e) {
            return; // Current, themes, ...: not a version folder
        }
        String folder = file.drivePath().substring(0, installKey.length() + OWA_AUTH.length() + name.length());
        String below = file.drivePath().substring(folder.length()); // "/x.css": the same length in the user's path
        String local = file.ref().file();
        SourceRef where = SourceRef.file(local.substring(0, Math.max(0, local.length() - below.length())));
        String folderPath = "C:\\" + folder.replace('/', '\\');
        synchronized (this) {
            folders.merge(name.toLowerCase(Locale.ROOT), new FolderSeen(build, folderPath, where, file.modified()),
                    (a, b) -> new FolderSeen(a.build, a.path, a.where, earliest(a.earliest, b.earliest)));
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }

    private void readExSetup(EvidenceFile file, Consumer<Diagnostic> problems) {
        byte[] bytes;
        try {
            bytes = EvidenceBytes.read(file, Limits.PE_FILE_BYTES);
        } catch (IOException e) {
            problems.accept(Diagnostic.error("read.failed", file.ref(), "ExSetup.exe could not be read: " + e.getMessage() + "; its build was not read"));
            return;
        }
        try {
            PeVersion v = PeVersionReader.read(bytes);
            for (String problem : v.problems()) {
                problems.accept(Diagnostic.warning("exsetup.strings", file.ref(), "ExSetup.exe version strings damaged: " + problem));
            }
            add(new BuildObservation(v.fileVersion(), BuildSource.EXSETUP, file.ref(), file.windowsPath(), null, null));
        } catch (PeFormatException e) {
            problems.accept(Diagnostic.error(e.code(), new SourceRef(file.ref().file(), -1, e.offset(), null),
                    "ExSetup.exe version not read: " + e.getMessage()));
        }
    }
}
