package org.exhunt.logs.iis;

import java.io.InputStream;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.logs.LogReader;
import org.exhunt.logs.Problems;
import org.exhunt.logs.RecordStream;
import org.exhunt.logs.text.Head;

/**
 * IIS W3C extended logs ({@code inetpub/logs/LogFiles/W3SVC1/u_ex210303.log}): recognised by their
 * {@code #Software: Microsoft Internet Information Services} directive, by a {@code #Fields} line naming IIS
 * fields, or, when the header is missing, by their folder or file name.
 */
public final class IisLogReader implements LogReader {

    public static final String FORMAT = "iis";


    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognizes(String path, byte[] head) {
        String text = Head.text(head);
        if (text.startsWith("#")) {
            String software = Head.directive(text, "Software");
            if (software != null && software.startsWith("Microsoft Internet Information Services")) return true;
            String fields = Head.directive(text, "Fields");
            if (fields != null) return fields.contains("cs-uri-stem") || fields.contains("cs-method");
        }
        return byPath(Head.path(path));
    }

    /** {@code …/W3SVC<n>/<name>.log} or {@code u_ex<yymmdd>….log}. */
    static boolean byPath(String p) {
        if (!p.endsWith(".log")) return false;
        int slash = p.lastIndexOf('/');
        String name = p.substring(slash + 1);
        if (name.startsWith("u_ex") && name.length() > 10 && allDigits(name, 4, 10)) return true;
        int parent = p.lastIndexOf('/', slash - 1);
        String folder = p.substring(parent + 1, slash);
        return folder.startsWith("w3svc") && folder.length() > 5 && allDigits(folder, 5, folder.length());
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    @Override
    public RecordStream open(String name, InputStream in, Consumer<Diagnostic> problems) {
        return new IisStream(name, in, new Problems(name, problems));
    }
}
