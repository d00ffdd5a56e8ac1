package org.exhunt.yara.condition;

import org.exhunt.yara.data.Deadline;
import org.exhunt.yara.data.ScanData;
import org.exhunt.yara.modules.ModuleContext;
import org.exhunt.yara.modules.ObjectValue;
import org.exhunt.yara.regex.PikeVm;

/**
 * What a condition can see during one scan. The scanner fills it; nodes read its fields directly (the
 * hot path of evaluating thousands of rules per file). Not thread-safe: one per scan.
 */
public abstract class EvalContext implements ModuleContext {

    /** The scanned bytes, and their number (as {@code data.size()}, read on every integer read). */
    public ScanData data;
    public int dataSize;
    /** {@code entrypoint}: a PE or ELF file's entry point offset, or undefined. */
    public long entryPoint = Values.UNDEFINED;
    /** Matches of each string, by string index. */
    public MatchList[] matches;
    /** Each rule's result once evaluated (1, 0), by rule index. */
    public long[] ruleResults;
    /** Loop variables: integers and string indexes in {@code vars}, module objects and keys in {@code objects}. */
    public final long[] vars = new long[64];
    public final Object[] objects = new Object[64];
    /** External variables' values ({@code Long}, {@code Double}, {@code byte[]}), by external slot. */
    public Object[] externals;
    /** When this scan must stop: every loop of an evaluation ticks it. */
    public final Deadline deadline = new Deadline();
    /** For {@code matches}. */
    public final PikeVm vm = new PikeVm(deadline);

    /** An imported module's data for this scan, by module slot (loaded on first use). */
    public abstract ObjectValue.Struct moduleRoot(int slot);

    @Override
    public ScanData data() {
        return data;
    }

    @Override
    public int dataSize() {
        return dataSize;
    }

    @Override
    public Deadline deadline() {
        return deadline;
    }
}
