package org.exhunt.hunt.verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.core.Finding;
import org.exhunt.core.Stage;
import org.exhunt.core.Severity;

/**
 * One LSASS dump is one finding, however many traces show it: the dump file on disk, its creation seen by Sysmon
 * (event 11) or by Security's object access (4663), the command line that wrote it (comsvcs.dll's MiniDump,
 * ProcDump) and the process access to lsass.exe (Sysmon 10) are one piece of evidence, as a process start seen by
 * Sysmon and by Security is ({@link TwinEvents}). The traces are the findings of ATT&amp;CK's LSASS-memory technique
 * ({@value #TECHNIQUE}) that name a dump file or the process that made it.
 *
 * <p>Traces naming the same dump file (its path compared as {@link ShellLinker.PathKey} does: case, {@code /},
 * {@code \\?\}, {@code \\localhost\c$}) are one dump; a trace naming no file joins the dump its process wrote (same
 * program and process id within {@link #SAME_PROCESS}), else the other such traces of its process: the accesses of
 * one program to LSASS are one finding, not one per event. Each group is reported as its most telling trace (the
 * file on disk, then its creation, the command, the access; evidence of a stage before context), linking the others.
 */
public final class LsassDumps {

    public static final String TECHNIQUE = "attack.t1003.001";
    /** How the name of a memory dump ends, compressed or not. */
    private static final List<String> DUMP_ENDINGS = List.of(".dmp", ".dmp.zip", ".dmp.cab", ".dmp.7z", ".dmp.rar");
    static final Duration SAME_PROCESS = Duration.ofHours(1);

    /** What a trace shows of a dump: its file (a path key), the process at work, and how telling the trace is. */
    private record Trace(Finding finding, String dumpKey, String dumpPath, String process, Long pid, int kind) {

        boolean sameProcess(Trace o) {
            return process != null && pid != null && process.equals(o.process) && pid.equals(o.pid)
                    && finding.time() != null && o.finding.time() != null
                    && Duration.between(finding.time(), o.finding.time()).abs().compareTo(SAME_PROCESS) <= 0;
        }
    }

    private LsassDumps() {}

    static List<Finding> merge(List<Finding> findings) {
        List<Trace> traces = new ArrayList<>();
        for (Finding f : findings) {
            Trace t = f.tags().stream().anyMatch(TECHNIQUE::equalsIgnoreCase) ? trace(f) : null;
            if (t != null) traces.add(t);
        }
        if (traces.size() < 2) return findings;
        traces.sort(Comparator.comparing((Trace t) -> t.finding().time(), Comparator.nullsLast(Comparator.naturalOrder())));

        Map<String, List<Trace>> byDump = new LinkedHashMap<>();
        List<Trace> fileless = new ArrayList<>();
        for (Trace t : traces) {
            if (t.dumpKey() != null) byDump.computeIfAbsent(t.dumpKey(), k -> new ArrayList<>()).add(t);
            else fileless.add(t);
        }
        List<List<Trace>> groups = new ArrayList<>(byDump.values());
        Map<String, List<List<Trace>>> byProcess = new HashMap<>();   // program and pid -> the groups it acts in
        groups.forEach(g -> g.forEach(t -> index(byProcess, t, g)));
        for (Trace t : fileless) {
            List<Trace> group = t.process() == null ? null : byProcess.getOrDefault(t.process() + "|" + t.pid(), List.of())
                    .stream().filter(g -> g.stream().anyMatch(t::sameProcess)).findFirst().orElse(null);
            if (group == null) {
                group = new ArrayList<>();
                groups.add(group);
            }
            group.add(t);
            index(byProcess, t, group);
        }

        Map<Finding, Finding> replaced = new IdentityHashMap<>();
        for (List<Trace> g : groups) {
            if (g.size() < 2) continue;
            Finding merged = merged(g);
            for (Trace t : g) replaced.put(t.finding(), merged);
        }
        List<Finding> out = new ArrayList<>(findings.size());
        Map<Finding, Boolean> emitted = new IdentityHashMap<>();
        for (Finding f : findings) {
            Finding m = replaced.getOrDefault(f, f);
            if (emitted.put(m, Boolean.TRUE) == null) out.add(m);
        }
        return out;
    }

    private static void index(Map<String, List<List<Trace>>> byProcess, Trace t, List<Trace> group) {
        if (t.process() == null) return;
        List<List<Trace>> groups = byProcess.computeIfAbsent(t.process() + "|" + t.pid(), k -> new ArrayList<>());
        if (!groups.contains(group)) groups.add(group);
    }

    /** The group's most telling trace, linking the others, with the dump's file when it does not name it itself. */
    private static Finding merged(List<Trace> group) {
        Trace best = group.stream().min(Comparator
                .comparing((Trace t) -> t.finding().stage() == Stage.CONTEXT)
                .thenComparingInt(Trace::kind)).orElseThrow();
        Finding.Builder b = Finding.builder(best.finding());
        Severity severity = best.finding().severity();
        List<Trace> inTime = new ArrayList<>(group);
        inTime.sort(Comparator.comparing((Trace t) -> t.finding().time(), Comparator.nullsLast(Comparator.naturalOrder())));
        for (Trace t : inTime) {
            if (t == best) continue;
            b.link(t.finding());
            if (t.finding().severity().compareTo(severity) > 0) severity = t.finding().severity();
        }
        b.severity(severity);
        if (best.dumpPath() == null) {
            group.stream().map(Trace::dumpPath).filter(p -> p != null).findFirst().ifPresent(p -> b.evidence("dump_file", p));
        }
        return b.build();
    }

    /** What a finding shows of a dump, or null when it names neither a file nor a process. */
    private static Trace trace(Finding f) {
        String onDisk = f.evidence("TargetFilename") == null && f.evidence("ObjectName") == null ? f.evidence("path") : null;
        if (onDisk != null && isDump(onDisk)) return trace(f, onDisk, null, null, 0);
        String created = first(f, "TargetFilename", "ObjectName");
        if (created != null && isDump(created)) {
            return trace(f, created, first(f, "Image", "ProcessName"), f.evidence("ProcessId"), 1);
        }
        String command = f.evidence("CommandLine");
        if (command != null) {
            String image = f.evidence("NewProcessName") != null ? f.evidence("NewProcessName") : f.evidence("Image");
            String pid = f.evidence("NewProcessId") != null ? f.evidence("NewProcessId") : f.evidence("ProcessId");
            return trace(f, dumpIn(command), image, pid, 2);
        }
        if (f.evidence("SourceImage") != null) return trace(f, null, f.evidence("SourceImage"), f.evidence("SourceProcessId"), 3);
        return null;
    }

    private static Trace trace(Finding f, String dump, String image, String pid, int kind) {
        Long id = TwinEvents.pid(pid);
        String process = image == null || id == null ? null : ShellLinker.PathKey.of(image);
        if (dump == null && process == null) return null;
        return new Trace(f, dump == null ? null : ShellLinker.PathKey.of(dump), dump, process, id, kind);
    }

    private static String first(Finding f, String... names) {
        for (String n : names) {
            if (f.evidence(n) != null) return f.evidence(n);
        }
        return null;
    }

    /** Whether a file's name or path ends as a memory dump's does, compressed or not. */
    public static boolean isDump(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return DUMP_ENDINGS.stream().anyMatch(p::endsWith);
    }

    /**
     * The dump file a command line writes ({@code comsvcs.dll, MiniDump 708 C:\x\lsass.dmp full}, {@code procdump -ma
     * lsass.exe "C:\a b\l.dmp"}), or null: the first word ending like a dump, quoted or not. One pass, no backtracking:
     * the command line is the attacker's text.
     */
    static String dumpIn(String command) {
        int n = command.length();
        for (int at = 0; at + 4 <= n; at++) {
            if (!command.regionMatches(true, at, ".dmp", 0, 4)) continue;
            int end = at;
            for (String ending : DUMP_ENDINGS) {   // the longest that is there: .dmp.zip over .dmp
                if (command.regionMatches(true, at, ending, 0, ending.length())) end = Math.max(end, at + ending.length());
            }
            boolean quoted = end < n && command.charAt(end) == '"';
            if (end < n && !quoted && !Character.isWhitespace(command.charAt(end))) continue;
            int start = at;
            if (quoted) {
                start = command.lastIndexOf('"', at) + 1;
            } else {
                while (start > 0 && !Character.isWhitespace(command.charAt(start - 1)) && command.charAt(start - 1) != '"') start--;
            }
            if (start < at) return command.substring(start, end);
        }
        return null;
    }
}
