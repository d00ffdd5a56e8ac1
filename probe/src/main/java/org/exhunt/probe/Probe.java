package org.exhunt.probe;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.exhunt.core.ServerResult;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.probe.http.Fetcher;

/**
 * Probes many targets: at most {@link ProbeOptions#concurrency()} at a time, each target's requests one after
 * the other, every result handed on as soon as it is ready (so a run over thousands of targets streams).
 */
public final class Probe {

    /** Told how a run advances, for a progress bar. Called from several threads. */
    public interface Progress {
        void started(int targets);

        void finished(ServerResult result);

        Progress SILENT = new Progress() {
            @Override public void started(int targets) {}
            @Override public void finished(ServerResult result) {}
        };
    }

    private final KnowledgeBase kb;
    private final ProbeOptions options;

    public Probe(KnowledgeBase kb, ProbeOptions options) {
        this.kb = kb;
        this.options = options;
    }

    /**
     * Probes every target; {@code results} gets each result once, from any thread, one call at a time.
     */
    public void run(List<Target> targets, Consumer<ServerResult> results, Progress progress) throws InterruptedException {
        int threads = Math.max(2, Math.min(options.concurrency(), 2 * Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "exhunt-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            Fetcher http = new Fetcher(pool, options.connectTimeout(), options.readTimeout(), options.retries(),
                    options.backoff(), options.ratePerSecond(), options.bodyBytes());
            Semaphore slots = new Semaphore(options.concurrency());
            CountDownLatch left = new CountDownLatch(targets.size());
            AtomicReference<Throwable> bug = new AtomicReference<>();
            Object deliver = new Object();
            progress.started(targets.size());
            for (Target target : targets) {
                slots.acquire();
                new TargetProbe(target, http, kb, options.active()).run().whenComplete((outcome, error) -> {
                    try {
                        if (error != null) throw error;
                        ServerResult result = ProbeReport.of(outcome, kb, Instant.now());
                        synchronized (deliver) {
                            results.accept(result);
                            progress.finished(result);
                        }
                    } catch (Throwable t) {
                        bug.compareAndSet(null, new IllegalStateException("probe of " + target.input() + " failed: " + t, t));
                    } finally {
                        slots.release();
                        left.countDown();
                    }
                });
            }
            left.await();
            if (bug.get() != null) throw (IllegalStateException) bug.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
