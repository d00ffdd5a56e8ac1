package org.exhunt.testkit.logs;

import java.util.List;

/**
 * A log written by Exchange's CSV log writer: the {@code #} header block naming the log type, the build and the
 * columns (after a bare CSV header line on some servers), RFC 4180 quoting, the server that writes it.
 */
abstract class ExchangeCsvDialect implements Dialect {

    protected final String server;
    protected String build;          // 15.1.2176.2
    protected String[] buildParts;   // 15, 1, 2176, 2
    protected String longBuild;      // 15.01.2176.002, as #Version writes it
    private final String logType;
    private final List<String> columns;
    private final boolean bareHeader;

    ExchangeCsvDialect(String logType, List<String> columns, String server, String build, boolean bareHeader) {
        this.logType = logType;
        this.columns = columns;
        this.server = server;
        this.bareHeader = bareHeader;
        build(build);
    }

    @Override
    public boolean build(String build) {
        this.build = build;
        this.buildParts = build.split("\\.");
        this.longBuild = String.format("%s.%02d.%04d.%03d", buildParts[0], Integer.parseInt(buildParts[1]),
                Integer.parseInt(buildParts[2]), Integer.parseInt(buildParts[3]));
        return true;
    }

    /** The header block: the bare CSV header line when asked for, then {@code #Software} to {@code #Fields}. */
    @Override
    public void header(LineBuffer b, long time) {
        if (bareHeader) b.ascii(String.join(",", columns)).crlf();
        b.ascii("#Software: Microsoft Exchange Server").crlf();
        b.ascii("#Version: ").ascii(headerVersion()).crlf();
        b.ascii("#Log-type: ").ascii(logType).crlf();
        b.ascii("#Date: ");
        Clock.iso(b, time);
        b.crlf();
        b.ascii("#Fields: ").ascii(String.join(",", columns)).crlf();
    }

    /** What {@code #Version} says: the build, in its long form. */
    protected String headerVersion() {
        return longBuild;
    }

    /** One line of values, each quoted as {@link #csv} says; an empty value is an empty cell. */
    static void row(LineBuffer b, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.ch(',');
            csv(b, values[i]);
        }
        b.crlf();
    }

    /** A value as Exchange's CSV writer puts it: quoted when it holds a comma, a quote or a line break. */
    static LineBuffer csv(LineBuffer b, String v) {
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) return b.utf8(v);
        return b.ch('"').utf8(v.replace("\"", "\"\"")).ch('"');
    }
}
