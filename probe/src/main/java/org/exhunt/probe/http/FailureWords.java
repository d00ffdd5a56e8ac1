package org.exhunt.probe.http;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why a request got no response, in the words an administrator uses (connection refused, timed out, TLS handshake
 * failed, host name not found), never a Java class name: the JDK's HTTP client reports a refused connection as a
 * {@code ConnectException} without a message, and a failed name lookup as one whose cause is an
 * {@code UnresolvedAddressException}, both also without a message.
 */
final class FailureWords {

    /** A Java class name as the JDK prefixes messages with it ({@code sun.security.x.FooException: }). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

    private FailureWords() {}

    /** The words for {@code e}, a failure of the given kind; {@code connectTimeout} is the limit a connection had. */
    static String of(Throwable e, FailureKind kind, Duration connectTimeout) {
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return "host name not found (DNS)";
        }
        if (has(e, HttpConnectTimeoutException.class)) return "no connection within " + seconds(connectTimeout) + " (timed out)";
        if (has(e, NoRouteToHostException.class)) return "no route to the host";
        if (kind == FailureKind.NO_ANSWER && has(e, ConnectException.class)) {
            // on a refused connection the JDK's asynchronous client closes its channel: that is all it says
            return mentions(e, "refused") || rootIs(e, ClosedChannelException.class) ? "connection refused"
                    : withDetail("could not connect", e);
        }
        if (has(e, HttpTimeoutException.class)) return withDetail("timed out", e);
        return switch (kind) {
            case TLS -> withDetail("handshake failed", e);
            case RESET -> has(e, EOFException.class) || mentions(e, "closed")
                    ? "connection closed before a response" : withDetail("connection reset before a response", e);
            case GARBAGE -> message(e) == null ? "no HTTP status line" : message(e);
            default -> withDetail("no answer", e);
        };
    }

    private static String withDetail(String words, Throwable e) {
        String m = message(e);
        return m == null ? words : words + ": " + m;
    }

    /** The message of the first cause that has one, without class names; null when none has. */
    private static String message(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() == null) continue;
            String m = CLASS_NAME.matcher(c.getMessage()).replaceAll("").trim();
            if (!m.isEmpty()) return m;
        }
        return null;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }

    private static boolean rootIs(Throwable e, Class<? extends Throwable> type) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return type.isInstance(c);
    }

    private static boolean mentions(Throwable e, String word) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getMessage() != null && c.getMessage().toLowerCase(Locale.ROOT).contains(word)) return true;
        }
        return false;
    }
}
