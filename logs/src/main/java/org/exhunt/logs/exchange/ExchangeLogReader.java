package org.exhunt.logs.exchange;

import java.io.InputStream;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.logs.LogReader;
import org.exhunt.logs.Problems;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.text.Head;

/**
 * One kind of Exchange log-writer CSV log. A file is this kind's when its {@code #Log-type} names it, or, with
 * no {@code #Log-type} in its first bytes, when it lies in the kind's folder (an HttpProxy file is also known
 * by a bare {@code DateTime,RequestId,…AnchorMailbox…} header). {@link ExchangeLogKind#OTHER} takes any
 * other log that names itself Exchange's.
 */
public final class ExchangeLogReader implements LogReader {

    private final ExchangeLogKind kind;

    public ExchangeLogReader(ExchangeLogKind kind) {
        this.kind = kind;
    }

    @Override
    public String format() {
        return kind.type();
    }

    @Override
    public boolean recognizes(String path, byte[] head) {
        String text = Head.text(head);
        String logType = Head.directive(text, "Log-type");
        if (kind == ExchangeLogKind.OTHER) {
            String software = Head.directive(text, "Software");
            return logType != null && software != null && software.startsWith("Microsoft Exchange");
        }
        if (logType != null) return kind.namedBy(logType);
        if (kind == ExchangeLogKind.HTTPPROXY && text.startsWith("DateTime,RequestId,")) {
            int nl = text.indexOf('\n');
            if (text.substring(0, nl < 0 ? text.length() : nl).contains(",AnchorMailbox,")) return true;
        }
        return kind.holds(Head.path(path));
    }

    @Override
    public RecordStream open(String name, InputStream in, Consumer<Diagnostic> problems) {
        return new ExchangeCsvStream(kind, name, in, new Problems(name, problems));
    }
}
