package org.exhunt.probe;

import java.time.Duration;

/**
 * How a probe run behaves.
 *
 * @param active         also run the exploit-primitive checks (ProxyLogon SSRF to localhost, ProxyShell Autodiscover)
 * @param concurrency    targets probed at the same time
 * @param connectTimeout time to open a connection (TLS handshake included)
 * @param readTimeout    time for a whole response once a request is sent, its body's last byte included
 * @param retries        retries of a request that got no answer, with exponential backoff from {@code backoff}
 * @param backoff        the first retry's delay; each next one doubles
 * @param ratePerSecond  requests per second over the whole run, or 0 for no limit
 * @param bodyBytes      bytes of a response body read and kept (the rest is not read: the connection is closed)
 */
public record ProbeOptions(boolean active, int concurrency, Duration connectTimeout, Duration readTimeout, int retries,
                           Duration backoff, double ratePerSecond, int bodyBytes) {

    public ProbeOptions {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
        if (ratePerSecond < 0) throw new IllegalArgumentException("rate must not be negative");
        if (bodyBytes < 1024) throw new IllegalArgumentException("body cap below 1 KiB");
    }

    /** Safe checks only, 64 targets at a time, 5 s connect and 10 s read timeouts, 2 retries from 250 ms, no rate limit. */
    public static ProbeOptions defaults() {
        return new ProbeOptions(false, 64, Duration.ofSeconds(5), Duration.ofSeconds(10), 2, Duration.ofMillis(250), 0,
                256 * 1024);
    }

    public ProbeOptions withActive(boolean on) {
        return new ProbeOptions(on, concurrency, connectTimeout, readTimeout, retries, backoff, ratePerSecond, bodyBytes);
    }
}
