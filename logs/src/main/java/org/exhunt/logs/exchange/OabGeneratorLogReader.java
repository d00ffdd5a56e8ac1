package org.exhunt.logs.exchange;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Record;
import org.exhunt.logs.LogReader;
import org.exhunt.logs.Problems;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.line.FieldNames;
import org.exhunt.logs.line.LineLayout;
import org.exhunt.logs.line.LineRecord;
import org.exhunt.logs.line.LineStream;
import org.exhunt.logs.text.Head;
import org.exhunt.logs.text.Times;

/**
 * OABGeneratorLog ({@code Logging/OABGeneratorLog/*.log}): free-text trace lines, recognised by folder (or a
 * {@code #Log-type} naming the OAB generator). Each line that is not a {@code #} directive is a record of type
 * {@code exchange-oabgenerator} with field {@code Message} (the whole line) and, when the line starts with an
 * ISO 8601 time, {@code DateTime} (that time as written). CVE-2021-26858 evidence is a {@code Message}
 * holding {@code Download failed and temporary file '<path>' needs to be removed}.
 */
public final class OabGeneratorLogReader implements LogReader {

    public static final String FORMAT = "exchange-oabgenerator";
    private static final FieldNames COLUMNS = new FieldNames(List.of("Message", "DateTime"));

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(String path, byte[] head) {
        String logType = Head.directive(Head.text(head), "Log-type");
        if (logType != null) return logType.toLowerCase(Locale.ROOT).startsWith("oabgenerator");
        return Head.path(path).contains("/logging/oabgeneratorlog/");
    }

    @Override
    public RecordStream open(String name, InputStream in, Consumer<Diagnostic> problems) {
        return new OabStream(name, in, new Problems(name, problems));
    }

    private static final class OabStream extends LineStream {

        private final LineLayout layout;

        OabStream(String file, InputStream in, Problems problems) {
            super(file, in, problems);
            this.layout = new LineLayout(FORMAT, file, COLUMNS, List.of(), null);
        }

        @Override
        protected Record parse() {
            byte[] b = lines.bytes();
            int s = lines.start();
            int e = lines.end();
            if (s == e || b[s] == '#') return null;
            // the leading time, if any: digits and ISO 8601 punctuation, up to the first other character
            int t = s;
            while (t < e && t - s < 40 && isTimeChar(b[t])) t++;
            int te = t;
            while (te > s && b[te - 1] == ' ') te--;
            var time = Times.iso(b, s, te);
            int[] bounds = {0, e - s, 0, time == null ? 0 : te - s};
            return new LineRecord(layout, lines.copy(), bounds, 2, lines.number(), time, !lines.hasHighBytes());
        }

        private static boolean isTimeChar(byte c) {
            return (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '.' || c == 'T' || c == 'Z' || c == ' ';
        }
    }
}
