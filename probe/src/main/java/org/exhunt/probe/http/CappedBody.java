package org.exhunt.probe.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Keeps the first {@code cap} bytes of a body and reads the rest into nothing, so a huge page costs no memory. */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Bytes> {

    /** What was kept, and whether there was more. */
    record Bytes(byte[] bytes, boolean truncated) {}

    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<Bytes> result = new CompletableFuture<>();
    private boolean truncated;

    CappedBody(int cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<Bytes> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            int room = cap - kept.size();
            int n = Math.min(room, b.remaining());
            if (n > 0) {
                byte[] chunk = new byte[n];
                b.get(chunk);
                kept.writeBytes(chunk);
            }
            if (b.hasRemaining()) truncated = true;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Bytes(kept.toByteArray(), truncated));
    }
}
