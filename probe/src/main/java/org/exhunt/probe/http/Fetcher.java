package org.exhunt.probe.http;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Sends the probe's GET requests, asynchronously: never follows a redirect (a redirect off the target would send
 * a request elsewhere), caps bodies, retries what got no answer with exponential backoff, and keeps to the rate
 * limit. One {@code Fetcher} per run; its client keeps connections to each target alive between requests.
 */
public final class Fetcher {

    private static final String USER_AGENT = "exhunt-probe/0.1 (Exchange exposure check)";

    private final HttpClient client;
    private final Executor executor;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int retries;
    private final Duration backoff;
    private final int bodyBytes;
    private final RateLimiter rate;

    /**
     * Seconds an idle connection stays in the client's pool. The JDK keeps them 20 minutes; a probe's target is
     * done after a few requests in a row, so its connection would only hold a socket (and the server's) open.
     * Read by the JDK once, when the first client is made; a value the user set is kept.
     */
    private static final String KEEP_ALIVE = "jdk.httpclient.keepalive.timeout";

    static {
        if (System.getProperty(KEEP_ALIVE) == null) System.setProperty(KEEP_ALIVE, "1");
    }

    public Fetcher(Executor executor, Duration connectTimeout, Duration readTimeout, int retries, Duration backoff,
                   double ratePerSecond, int bodyBytes) {
        this.executor = executor;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .sslContext(TrustAll.context())
                .executor(executor)
                .build();
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.retries = retries;
        this.backoff = backoff;
        this.bodyBytes = bodyBytes;
        this.rate = new RateLimiter(ratePerSecond);
    }

    /** GET {@code uri} with extra request headers; never fails: a failure is a {@link Fetched.Failure}. */
    public CompletableFuture<Fetched> get(URI uri, Map<String, String> headers) {
        return attempt(uri, headers, 0);
    }

    private CompletableFuture<Fetched> attempt(URI uri, Map<String, String> headers, int attempt) {
        return after(rate.reserve(), () -> send(uri, headers)).thenCompose(f -> {
            if (f instanceof Fetched.Failure failure && retryable(failure.kind()) && attempt < retries) {
                long delay = backoff.toNanos() << attempt;
                return after(delay, () -> attempt(uri, headers, attempt + 1));
            }
            return CompletableFuture.completedFuture(f);
        });
    }

    private static boolean retryable(FailureKind kind) {
        return kind == FailureKind.NO_ANSWER || kind == FailureKind.TIMEOUT || kind == FailureKind.RESET;
    }

    private <T> CompletableFuture<T> after(long nanos, java.util.function.Supplier<CompletableFuture<T>> next) {
        if (nanos <= 0) return next.get();
        return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, executor))
                .thenCompose(ignored -> next.get());
    }

    /**
     * One request, bounded as a whole: the client's own timeout ends only the wait for the response's head, so a
     * server that sends its head and then drips its body, or sends a chunked body that never ends, would hold the
     * probe for ever. Here the time runs from the request to the body's last byte, and the body is capped.
     */
    private CompletableFuture<Fetched> send(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(readTimeout).header("User-Agent", USER_AGENT);
        headers.forEach(request::header);
        CappedBody body = new CappedBody(bodyBytes);
        CompletableFuture<HttpResponse<CappedBody.Bytes>> sent = client.sendAsync(request.build(), info -> body);
        return sent.handle((response, error) -> error == null ? response(uri, response) : failure(uri, error))
                .orTimeout(readTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionally(timeout -> {
                    HttpTimeoutException late = new HttpTimeoutException("no complete response within "
                            + readTimeout.toMillis() + " ms");
                    body.abort(late);
                    sent.cancel(true);
                    return failure(uri, late);
                });
    }

    private static Fetched response(URI uri, HttpResponse<CappedBody.Bytes> r) {
        return new Fetched.Response(uri, r.statusCode(), r.headers().map(), r.body().bytes(), r.body().truncated(),
                r.sslSession().map(Fetcher::tls).orElse(null));
    }

    /** Classifies why a request got no response, looking through the wrappers the client adds, and says it in words. */
    private Fetched.Failure failure(URI uri, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        FailureKind kind;
        if (is(e, HttpConnectTimeoutException.class) || is(e, ConnectException.class)) kind = FailureKind.NO_ANSWER;
        else if (is(e, HttpTimeoutException.class)) kind = FailureKind.TIMEOUT;
        else if (closedEarly(e)) kind = FailureKind.RESET; // before TLS: a reset during the handshake is no TLS failure
        else if (is(e, SSLException.class)) kind = FailureKind.TLS;
        else kind = FailureKind.GARBAGE;
        return new Fetched.Failure(uri, kind, FailureWords.of(e, kind, connectTimeout));
    }

    private static boolean is(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }

    private static boolean closedEarly(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof EOFException) return true;
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            // "Remote host terminated the handshake": the JDK's words for a peer that closed the connection
            // mid-handshake (its EOF is not always chained), as a flaky server or a reset does
            if (m.contains("reset") || m.contains("received no bytes") || m.contains("eof") || m.contains("closed")
                    || m.contains("broken pipe") || m.contains("terminated the handshake")) return true;
        }
        return false;
    }

    private static TlsFacts tls(SSLSession s) {
        try {
            Certificate[] chain = s.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) return null;
            return new TlsFacts(s.getProtocol(), leaf.getSubjectX500Principal().getName(),
                    leaf.getIssuerX500Principal().getName(), leaf.getNotBefore().toInstant(),
                    leaf.getNotAfter().toInstant(), names(leaf), selfSigned(leaf));
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static List<String> names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            if (c.getSubjectAlternativeNames() != null) {
                for (List<?> san : c.getSubjectAlternativeNames()) {
                    if (san.size() == 2 && Integer.valueOf(2).equals(san.get(0))) names.add(String.valueOf(san.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable subject alternative names)");
        }
        return names;
    }

    private static boolean selfSigned(X509Certificate c) {
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) return false;
        try {
            c.verify(c.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
