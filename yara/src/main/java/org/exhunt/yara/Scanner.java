package org.exhunt.yara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Limits;
import org.exhunt.yara.compile.CompiledRule;
import org.exhunt.yara.compile.CompiledString;
import org.exhunt.yara.condition.MatchList;
import org.exhunt.yara.modules.PeModule;
import org.exhunt.yara.regex.TooManyFibersException;
import org.exhunt.yara.scan.ScanContext;
import org.exhunt.yara.scan.ScanTimeoutException;
import org.exhunt.yara.scan.TooManyMatchesException;

/**
 * Scans data with {@link CompiledRules}. Holds what varies per scan: external values, a timeout, fast
 * mode, and a reusable scan state. Not thread-safe: one scanner per thread.
 */
public final class Scanner {

    private final CompiledRules rules;
    private final ScanContext context;
    private final Object[] externals;
    /** The last file read; kept for the next one unless it grew past {@link #RETAINED_BUFFER}. */
    private byte[] buffer = new byte[0];
    private static final int RETAINED_BUFFER = 16 << 20;
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
     * Scans a file, read once into a buffer this scanner reuses. A file larger than
     * {@link Limits#YARA_FILE_BYTES} is not read: the result says so.
     */
    public ScanResult scan(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Limits.YARA_FILE_BYTES) {
                return ScanResult.failure("file too large to scan (" + size + " bytes, more than "
                        + (Limits.YARA_FILE_BYTES >> 20) + " MiB)");
            }
            if (buffer.length < size) buffer = new byte[(int) size];
            ByteBuffer into = ByteBuffer.wrap(buffer, 0, (int) size);
            while (into.hasRemaining() && channel.read(into) >= 0) {
                // Read up to the size the file had when opened (a growing file is read as it was).
            }
            ScanResult result = scan(buffer, into.position());
            if (buffer.length > RETAINED_BUFFER) buffer = new byte[0];
            return result;
        }
    }

    public ScanResult scan(byte[] data) {
        return scan(data, data.length);
    }

    /** Scans {@code data[0, length)}. */
    public ScanResult scan(byte[] data, int length) {
        long deadline = timeout == null || timeout.isZero() ? 0 : System.nanoTime() + timeout.toNanos();
        boolean[] unsatisfied;
        try {
            unsatisfied = rules.engine.scan(context, data, length, fastMode, deadline == 0 ? 0 : Math.max(deadline, 1));
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
        for (int k = 0; k < context.trueCount(); k++) {
            CompiledRule rule = rules.rules.get(context.trueRule(k));
            if (rule.isPrivate() || unsatisfied[rule.namespaceIndex()]) continue;
            matching.add(rules.unmatched(rule.index()).matchedWith(strings(rule, data)));
            indexes[n++] = rule.index();
        }
        List<String> warnings = new ArrayList<>();
        List<String> needingPe = new ArrayList<>();
        if (!rules.rulesReadingPe.isEmpty() && PeModule.isPe(data, length)) {
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

    private List<StringMatch> strings(CompiledRule rule, byte[] data) {
        List<StringMatch> strings = new ArrayList<>();
        for (CompiledString s : rule.strings()) {
            if (s.isPrivate()) continue;
            MatchList m = context.matches[s.index];
            for (int i = 0; i < m.count(); i++) {
                int offset = m.offset(i);
                int length = m.length(i);
                int kept = Math.min(length, Limits.YARA_MATCH_DATA);
                byte[] bytes = java.util.Arrays.copyOfRange(data, offset, offset + kept);
                strings.add(new StringMatch(s.identifier, offset, length, bytes, s.isHex()));
            }
        }
        return strings;
    }
}
