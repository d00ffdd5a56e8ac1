package org.exhunt.testkit.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Emulated Exchange servers on 127.0.0.1, one per port: a single selector thread accepts on every port, and a
 * pool of workers serves each connection (TLS through {@link SSLSocket} over the accepted socket, HTTP/1.1 with
 * keep-alive). Thousands of ports are cheap, so a benchmark can probe 10,000 distinct targets.
 */
public final class ExchangeEmulator implements AutoCloseable {

    private static final int HEAD_BYTES = 16 * 1024;
    private static final int LOGGED_REQUESTS = 100;
    private static final String STORE_PASSWORD = "exhunt-test";

    private final List<Behaviour> behaviours;
    private final List<ServerSocketChannel> channels = new ArrayList<>();
    private final Map<Integer, Integer> indexByPort = new HashMap<>();
    private final List<List<String>> requests = new ArrayList<>();
    private final List<AtomicInteger> connections = new ArrayList<>();
    private final Map<Behaviour.Tls, SSLContext> tls = new HashMap<>();
    private final Selector selector;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    private ExchangeEmulator(List<Behaviour> behaviours) throws IOException {
        this.behaviours = List.copyOf(behaviours);
        this.selector = Selector.open();
        for (Behaviour b : behaviours) {
            ServerSocketChannel c = ServerSocketChannel.open();
            c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_ACCEPT, channels.size());
            indexByPort.put(c.socket().getLocalPort(), channels.size());
            channels.add(c);
            requests.add(Collections.synchronizedList(new ArrayList<>()));
            connections.add(new AtomicInteger());
            if (b.tls() != Behaviour.Tls.NONE) tls.computeIfAbsent(b.tls(), ExchangeEmulator::context);
        }
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exchange-emulator");
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::accept, "exchange-emulator-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Starts one emulated server per behaviour, each on its own loopback port. */
    public static ExchangeEmulator start(List<Behaviour> behaviours) throws IOException {
        return new ExchangeEmulator(behaviours);
    }

    /** A loopback port nothing listens on (it was open a moment ago). */
    public static int closedPort() throws IOException {
        try (ServerSocketChannel c = ServerSocketChannel.open()) {
            c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return c.socket().getLocalPort();
        }
    }

    public int port(int server) {
        return channels.get(server).socket().getLocalPort();
    }

    /** The probe target for a server: {@code https://127.0.0.1:port} (or {@code http://} for plain servers). */
    public String target(int server) {
        return (behaviours.get(server).tls() == Behaviour.Tls.NONE ? "http" : "https") + "://127.0.0.1:" + port(server);
    }

    /** The first requests a server got ({@code GET /owa/auth/logon.aspx}, with {@code +cookie} when one was sent). */
    public List<String> requests(int server) {
        synchronized (requests.get(server)) {
            return List.copyOf(requests.get(server));
        }
    }

    private void accept() {
        while (running) {
            try {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
                    if (client == null) continue;
                    int server = (Integer) key.attachment();
                    workers.execute(() -> serve(server, client));
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                if (running) throw new UncheckedIOException(e);
            }
        }
    }

    private void serve(int server, SocketChannel channel) {
        Behaviour b = behaviours.get(server);
        Socket socket = channel.socket();
        try {
            channel.configureBlocking(true);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            if (connections.get(server).incrementAndGet() <= b.failFirst()) {
                reset(socket);
                return;
            }
            if (b.tls() != Behaviour.Tls.NONE) {
                SSLSocket ssl = (SSLSocket) tls.get(b.tls()).getSocketFactory().createSocket(socket, null, socket.getPort(), true);
                ssl.setUseClientMode(false);
                ssl.startHandshake();
                socket = ssl;
            }
            open.add(socket);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (Request r; (r = Request.read(in)) != null; ) {
                if (r.method().isEmpty()) {
                    write(out, 400, Map.of("Server", "Microsoft-HTTPAPI/2.0", "Connection", "close"), "Bad Request");
                    closeGracefully(socket, in);
                    return;
                }
                log(server, r);
                if (!respond(b, r, socket, out)) return;
            }
        } catch (IOException e) {
            // the client went away, or a handshake failed: what a real server sees too
        } finally {
            open.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void log(int server, Request r) {
        List<String> log = requests.get(server);
        synchronized (log) {
            if (log.size() < LOGGED_REQUESTS) log.add("GET " + r.target() + (r.header("cookie") == null ? "" : " +cookie"));
        }
    }

    /** Answers one request; false when the connection must end. */
    private boolean respond(Behaviour b, Request r, Socket socket, OutputStream out) throws IOException {
        if (b.delayMillis() > 0) sleep(b.delayMillis());
        switch (b.kind()) {
            case SILENT -> {
                sleep(60_000);
                return false;
            }
            case GARBAGE -> {
                out.write("\u0000\u0001SSH-2.0-OpenSSH_9.2 not HTTP at all\r\n\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return false;
            }
            case OTHER_WEB -> {
                if (r.path().equals("/")) write(out, 200, Map.of("Server", "nginx"), ExchangePages.intranet());
                else write(out, 404, Map.of("Server", "nginx"), "<html><head><title>404 Not Found</title></head></html>\n");
                return true;
            }
            case REDIRECT_AWAY -> {
                write(out, 302, Map.of("Location", "https://elsewhere.invalid" + r.path(), "Server", "Microsoft-IIS/10.0"), "");
                return true;
            }
            case EXCHANGE -> {
                return exchange(b, r, socket, out);
            }
            case DRIP_BODY -> {
                out.write(("HTTP/1.1 200 OK\r\nServer: Microsoft-IIS/10.0\r\nContent-Type: text/html\r\n"
                        + "Content-Length: 1000000000\r\n\r\n<html><head><title>").getBytes(StandardCharsets.ISO_8859_1));
                while (running) {
                    out.write('.');
                    out.flush();
                    sleep(200);
                }
                return false;
            }
            case ENDLESS_CHUNKED -> {
                out.write("HTTP/1.1 200 OK\r\nServer: Microsoft-IIS/10.0\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                while (running) out.write(chunk);
                return false;
            }
            case HOSTILE_TEXT -> {
                // ESC sequences that clear a terminal and set its title, a BEL, and the C1 control CSI (0x9b)
                String title = "\u001b[2J\u001b]0;pwned\u0007OWA\u009b31m";
                write(out, 404, Map.of("Server", "nginx\u009b8m"),
                        "<html><head><title>" + title + "</title></head></html>\n", StandardCharsets.ISO_8859_1);
                return true;
            }
            case HOSTILE_HEADER -> {
                write(out, 200, Map.of("Server", "nginx\u001b]0;pwned\u0007"), "");
                return true;
            }
        }
        return false;
    }

    private boolean exchange(Behaviour b, Request r, Socket socket, OutputStream out) throws IOException {
        Map<String, String> h = new HashMap<>();
        h.put("Server", "Microsoft-IIS/10.0");
        h.put("X-Powered-By", "ASP.NET");
        if (b.feServer() != null) h.put("X-FEServer", b.feServer());
        String cookie = r.header("cookie");
        if (cookie != null && (cookie.contains("X-AnonResource-Backend") || cookie.contains("X-BEResource="))) {
            if (b.proxyLogon() == Behaviour.ProxyLogon.ABORTED) {
                reset(socket);
                return false;
            }
            if (b.proxyLogon() == Behaviour.ProxyLogon.VULNERABLE) {
                h.put("X-CalculatedBETarget", "localhost");
                write(out, 500, h, "NegotiateSecurityContext failed with for host 'localhost'");
                return true;
            }
        }
        String path = r.path().toLowerCase(Locale.ROOT);
        if (path.equals("/owa/auth/logon.aspx")) {
            if (b.owaHeader()) h.put("X-OWA-Version", b.build());
            write(out, 200, h, ExchangePages.logon(b.build()));
        } else if (path.equals("/owa/") || path.equals("/owa")) {
            if (b.owaHeader()) h.put("X-OWA-Version", b.build());
            h.put("Location", "/owa/auth/logon.aspx?url=%2fowa%2f&reason=0");
            write(out, 302, h, "");
        } else if (path.equals("/ecp/current/exporttool/microsoft.exchange.ediscovery.exporttool.application")) {
            if (b.exportTool()) write(out, 200, h, ExchangePages.exportToolManifest(b.build()));
            else write(out, 404, h, "");
        } else if (path.startsWith("/ecp/") && path.endsWith("/exporttool/")) {
            boolean mine = b.ecpFolders() && path.equals("/ecp/" + b.build() + "/exporttool/");
            write(out, mine ? 200 : 404, h, mine ? "<html><body>export tool</body></html>" : "");
        } else if (path.equals("/autodiscover/autodiscover.json")) {
            if (b.proxyShell302()) {
                h.put("Location", "/owa/?&Email=autodiscover/autodiscover.json%3F@test.com");
                write(out, 302, h, "");
            } else {
                write(out, 400, h, "");
            }
        } else {
            write(out, 404, h, "");
        }
        return true;
    }

    private static void write(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
        write(out, status, headers, body, StandardCharsets.UTF_8);
    }

    private static void write(OutputStream out, int status, Map<String, String> headers, String body,
                              java.nio.charset.Charset charset) throws IOException {
        byte[] b = body.getBytes(charset);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Type: text/html; charset=utf-8\r\nContent-Length: ").append(b.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            default -> "Internal Server Error";
        };
    }

    /**
     * Ends a connection the way HTTP.sys ends one it refused: output first, then what the client still sends is
     * read and dropped, so that the close is a FIN, not the reset that unread input would cause.
     */
    private static void closeGracefully(Socket socket, InputStream in) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(500);
        byte[] drain = new byte[4096];
        try {
            while (in.read(drain) != -1) {
                // dropped
            }
        } catch (IOException ignored) {
            // the client closed first, or went quiet: either way the response is out
        }
    }

    /** Closes with a TCP reset, as IIS's AbortRequest does. */
    private static void reset(Socket socket) throws IOException {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // a TLS socket over a closed one: closing is enough
        }
        socket.close();
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SSLContext context(Behaviour.Tls which) {
        String store = which == Behaviour.Tls.EXPIRED ? "expired.p12" : "valid.p12";
        try (InputStream in = ExchangeEmulator.class.getResourceAsStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, STORE_PASSWORD.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, STORE_PASSWORD.toCharArray());
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("test keystore " + store + " unusable", e);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ServerSocketChannel c : channels) c.close();
        selector.close();
        synchronized (open) {
            for (Socket s : open) s.close();
        }
        workers.shutdownNow();
    }

    /** One request's head: method, target and headers (names in lower case). */
    private record Request(String method, String target, Map<String, String> headers) {

        /** The next request, null at the end of the connection, or one with no method when it is not HTTP. */
        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int state = 0;
            for (int c; (c = in.read()) != -1; ) {
                if (head.size() == 0 && (c < 'A' || c > 'Z')) return new Request("", "", Map.of()); // e.g. a TLS hello
                head.write(c);
                state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
                if (state == 4) break;
                if (head.size() > HEAD_BYTES) throw new IOException("request head too large");
            }
            if (state != 4) return null;
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] first = lines[0].split(" ");
            if (first.length < 2) throw new IOException("bad request line");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new Request(first[0], first[1], headers);
        }

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
