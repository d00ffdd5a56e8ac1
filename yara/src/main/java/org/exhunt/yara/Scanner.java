package org.exhunt.yara;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Limits;
import org.exhunt.yara.compile.CompiledRule;
import org.exhunt.yara.compile.CompiledString;
import org.exhunt.yara.condition.MatchList;
import org.exhunt.yara.data.ScanData;
import org.exhunt.yara.modules.PeModule;
import org.exhunt.yara.regex.TooManyFibersException;
import org.exhunt.yara.scan.ScanContext;
import org.exhunt.yara.data.ScanTimeoutException;
import org.exhunt.yara.scan.TooManyMatchesException;

/**
 * Scans data with {@link CompiledRules}. Holds what varies per scan: external values, a timeout, fast
 * mode, and a reusable scan state. Not thread-safe: one scanner per thread.
 */
public final class Scanner {

    private final CompiledRules rules;
    private final ScanContext context;
    private final Object[] externals;
    private Duration timeout;
    private boolean fastMode;

    Scanner(CompiledRules rules) {
        this.rules = rules;
        this.context = rules.engine.newContext();
        this.externals = rules.externalDefaults.clone();
        this.context.externals = externals;
    }

    /** Sets external variable {@code name} (declared at compile time) for the following scans. */
    public Scanner define(String name, Object value) {
        Integer slot = rules.externalSlots.get(name);
        if (slot == null) throw new IllegalArgumentException("external variable not declared at compile time: " + name);
        Object v = value;
        if (value instanceof Integer i) v = (long) i;
        if (value instanceof Boolean b) v = b ? 1L : 0L;
        if (value instanceof String s) v = s.getBytes(StandardCharsets.UTF_8);
        Object old = externals[slot];
        if (old != null && v != null && old.getClass() != v.getClass()) {
            throw new IllegalArgumentException("external variable " + name + " has another type");
        }
        externals[slot] = v;
        return this;
    }

    /** Scans stop after this long; a timed-out scan reports no rule. Null or zero: no limit. */
    public Scanner timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** In fast mode a string used only as {@code $a} or in a set stops at its first match ({@code yara -f}). */
    public Scanner fastMode(boolean fastMode) {
        this.fastMode = fastMode;
        return this;
    }

    /**
     * Scans a file: one of up to {@link Limits#YARA_READ_BYTES} is read into memory, a larger one is mapped (as
     * libyara maps every file), so that the heap a scan takes does not grow with the file. A file larger than
     * {@link Limits#YARA_FILE_BYTES} is not read: the result says so.
     */
    public ScanResult scan(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Limits.YARA_FILE_BYTES) {
                return ScanResult.failure("file too large to scan (" + size + " bytes, more than "
                        + (Limits.YARA_FILE_BYTES >> 20) + " MiB)");
            }
            if (size <= Limits.YARA_READ_BYTES) return scan(read(channel, (int) size));
            ScanData mapped = ScanData.mapped(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
            try {
                return scan(mapped);
            } catch (InternalError e) {
                // what the JVM throws when a mapped file shrinks under a read (SIGBUS)
                return ScanResult.failure("could not read file: it changed while it was scanned");
            }
        }
    }

    /** Up to {@code size} bytes: the size the file had when opened (a growing file is read as it was). */
    private static ScanData read(FileChannel channel, int size) throws IOException {
        ByteBuffer into = ByteBuffer.allocate(size);
        while (into.hasRemaining() && channel.read(into) >= 0) {
            // until full or at the end
        }
        return ScanData.of(into.array(), into.position());
    }

    /** Scans {@code data}; the result refers to it (for the matched strings' bytes): do not change it after. */
    public ScanResult scan(byte[] data) {
        return scan(data, data.length);
    }

    /** Scans {@code data[0, length)}; the result refers to it (for the matched strings' bytes): do not change it after. */
    public ScanResult scan(byte[] data, int length) {
        return scan(ScanData.of(data, length));
    }

    private ScanResult scan(ScanData data) {
        // 0 is "no deadline": a deadline that falls on it is moved by a nanosecond.
        long deadline = timeout == null || timeout.isZero() ? 0 : System.nanoTime() + timeout.toNanos();
        long stopAt = deadline != 0 || timeout == null || timeout.isZero() ? deadline : 1;
        boolean[] unsatisfied;
        try {
            // A condition nested deeper than a thread's stack is sure to hold is evaluated on a deep one.
            unsatisfied = rules.deepestCondition <= DeepStack.EVALUATION_INLINE_DEPTH
                    ? rules.engine.scan(context, data, fastMode, stopAt)
                    : DeepStack.call(() -> rules.engine.scan(context, data, fastMode, stopAt));
        } catch (ScanTimeoutException e) {
            return ScanResult.failure("scanning timed out");
        } catch (TooManyFibersException e) {
            return ScanResult.failure("error: 46 (too many regular expression fibers)");
        } catch (TooManyMatchesException e) {
            return ScanResult.failure("too many matches");
        }
        List<RuleMatch> matching = new ArrayList<>();
        int[] indexes = new int[context.trueCount()];
        int n = 0;
        Map<Integer, MatchList> handedOver = new HashMap<>();
        for (int k = 0; k < context.trueCount(); k++) {
            CompiledRule rule = rules.rules.get(context.trueRule(k));
            if (rule.isPrivate() || unsatisfied[rule.namespaceIndex()]) continue;
            matching.add(rules.unmatched(rule.index()).matchedWith(strings(rule, data, handedOver)));
            indexes[n++] = rule.index();
        }
        List<String> warnings = new ArrayList<>();
        List<String> needingPe = new ArrayList<>();
        if (!rules.rulesReadingPe.isEmpty() && PeModule.isPe(data)) {
            for (CompiledRule rule : rules.rulesReadingPe) needingPe.add(rule.name());
        }
        for (int capped : context.cappedStrings()) {
            // Every string searched as the capped one reached the cap with it.
            for (CompiledString str : rules.strings) {
                if (rules.searchedAs[str.index] != capped || str.head() != str) continue;
                warnings.add("rule \"" + rules.rules.get(str.rule).name() + "\": too many matches for " + str.identifier
                        + ", results for this rule may be incorrect");
            }
        }
        return new ScanResult(matching, java.util.Arrays.copyOf(indexes, n), rules.ruleCount(), rules::unmatched,
                warnings, needingPe, null);
    }

    /** A matched rule's non-private strings with their matches, which the result takes over from the scanner. */
    private List<StringMatch> strings(CompiledRule rule, ScanData data, Map<Integer, MatchList> handedOver) {
        List<CompiledString> shown = new ArrayList<>();
        List<MatchList> lists = new ArrayList<>();
        for (CompiledString s : rule.strings()) {
            if (s.isPrivate()) continue;
            shown.add(s);
            lists.add(handedOver.computeIfAbsent(context.matchesOf(s.index), key -> context.handOver(key)));
        }
        return new MatchedStrings(shown, lists, data);
    }
}
