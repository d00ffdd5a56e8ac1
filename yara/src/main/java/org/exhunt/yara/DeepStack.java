package org.exhunt.yara;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads with a large stack, for the parts of the engine that recurse as deeply as a rule nests: the
 * parsers and compilers of conditions, hex strings and regexes, and the evaluation of a condition nested
 * deeper than {@link #EVALUATION_INLINE_DEPTH}.
 *
 * <p>Why recursion, and why these threads. libyara's parsers are bison's, whose 10,000-state stack bounds how
 * deeply a rule nests; exhunt's parsers refuse at the same depth ("memory exhausted"), and chains of any
 * length ({@code a or b or ...}, {@code 1 + 2 + ...}) are loops and single nodes, so the depth these threads
 * recurse to is bounded by what yara accepts: about 10,000 levels, a few frames each. That is more than a
 * default thread stack holds, and less than {@link #STACK_BYTES}. Keeping the parsers,
 * the type checker and the evaluator recursive keeps them shaped like the grammar they follow and the
 * evaluator as fast as it is for every rule; explicit stacks in all of them would be three more machines to
 * get right for the sake of rules no one writes. The stack is reserved, not committed: a thread touches only
 * the pages its recursion reaches.
 */
final class DeepStack {

    /**
     * Stack of these threads. The deepest rules yara 4.2.3 accepts ({@code NestingTable}) need about 12 MiB to
     * parse, compile and evaluate when nothing is compiled yet (java -Xint); this leaves five times that.
     */
    static final long STACK_BYTES = 64L << 20;

    /**
     * Conditions at most this deep ({@link org.exhunt.yara.condition.Node#depth}) are evaluated on the scanning
     * thread: a few frames a level fit any thread's stack. signature-base's deepest is 12.
     */
    static final int EVALUATION_INLINE_DEPTH = 500;

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Idle threads end after a minute; daemons, so that they never keep the JVM alive. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(null, task, "exhunt-yara-deep-" + THREADS.incrementAndGet(), STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    private DeepStack() {}

    /** Runs {@code task} on a thread with a deep stack, rethrowing what it throws. */
    static <T> T call(Callable<T> task) {
        Future<T> result = POOL.submit(task);
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error r) throw r;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Starts {@code task} on a thread with a deep stack. */
    static void execute(Runnable task) {
        POOL.execute(task);
    }
}
