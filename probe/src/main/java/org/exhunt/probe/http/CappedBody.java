package org.exhunt.probe.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first {@code cap} bytes of a body and stops there: the rest is not read (the connection is closed), so
 * neither a huge page nor an endless chunked body costs memory or time. {@link #abort} ends it from outside, when
 * the whole request's time is up while a server drips its body.
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {

    /** What was kept, and whether there was more. */
    record Bytes(byte[] bytes, boolean truncated) {}

    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<Bytes> result = new CompletableFuture<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    CappedBody(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.complete(s);
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) return;
        for (ByteBuffer b : buffers) {
            int n = Math.min(cap - kept.size(), b.remaining());
            if (n > 0) {
                byte[] chunk = new byte[n];
                b.get(chunk);
                kept.writeBytes(chunk);
            }
            if (b.hasRemaining()) {
                // past the cap: what was kept is the body, and nothing more is read
                result.complete(new Bytes(kept.toByteArray(), true));
                subscription.thenAccept(Flow.Subscription::cancel);
                return;
            }
        }
    }

    /** Stops reading: the body fails with {@code why}, and the connection is let go. */
    void abort(Throwable why) {
        result.completeExceptionally(why);
        subscription.thenAccept(Flow.Subscription::cancel);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Bytes(kept.toByteArray(), false));
    }
}
