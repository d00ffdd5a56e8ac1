package org.exhunt.probe.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outcome of one request: a response, or a failure with its kind. */
public sealed interface Fetched {

    URI uri();

    /**
     * An HTTP response.
     *
     * @param body      the first bytes of the body, up to the cap
     * @param truncated true when the body was longer than the cap
     * @param tls       the certificate facts, for HTTPS
     */
    record Response(URI uri, int status, Map<String, List<String>> headers, byte[] body, boolean truncated,
                    TlsFacts tls) implements Fetched {

        /** A header's first value (names ignore case), if present. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** The body as text (Latin-1 keeps every byte; the pages read are ASCII markup). */
        public String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    /** No response: why, and the message of the error. */
    record Failure(URI uri, FailureKind kind, String message) implements Fetched {}
}
