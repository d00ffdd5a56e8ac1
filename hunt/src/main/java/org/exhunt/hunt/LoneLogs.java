package org.exhunt.hunt;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.exhunt.evidence.EvidenceFile;

/**
 * Logs handed over without the drive they come from: one IIS log a customer sent, a folder of HttpProxy logs. A drive
 * copy's logs are found by their folders; these are recognised by their content instead (the log readers look at
 * each file's first bytes: W3C {@code #Fields}, Exchange's {@code #Software}/{@code #Log-type} block, EVTX's
 * {@code ElfFile}). Only files with a log's name are looked at, and only when the evidence has no drive layout, so
 * that a drive of 50,000 files is not read twice.
 */
final class LoneLogs {

    /** Top folders of a Windows system drive: one of them is enough to take the evidence for a drive copy. */
    private static final Set<String> DRIVE_FOLDERS = Set.of("windows", "program files", "program files (x86)", "inetpub",
            "programdata", "users", "exchangesetuplogs");
    private static final List<String> LOG_NAMES = List.of(".log", ".csv", ".txt", ".evtx", ".gz");

    private LoneLogs() {}

    /** Whether the evidence is laid out as a system drive (or a collection of one). */
    static boolean hasDriveLayout(List<EvidenceFile> files) {
        for (EvidenceFile f : files) {
            String p = f.drivePath();
            int slash = p.indexOf('/');
            if (slash > 0 && DRIVE_FOLDERS.contains(p.substring(0, slash).toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    /** Whether a file's name is a log's: worth a look at its first bytes. */
    static boolean mayBeLog(String drivePath) {
        String p = drivePath.toLowerCase(Locale.ROOT);
        return LOG_NAMES.stream().anyMatch(p::endsWith);
    }
}
