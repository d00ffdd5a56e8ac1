package org.exhunt.hunt.ioc;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.exhunt.core.CsvLine;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;

/**
 * Indicator lists in CSV, the form of the bundled lists ({@code rules/ioc/*.csv}) and of a user's own: a header
 * line, then one indicator per line (RFC 4180 quoting; blank lines and lines starting with {@code #} are skipped).
 * The header's first column says what the indicators are:
 * <ul>
 *   <li>{@code sha256}, {@code sha1}, {@code md5}: a file's digest;</li>
 *   <li>{@code filename}: a file's name, in any folder;</li>
 *   <li>{@code path}: a file's Windows path ({@code C:\Windows\Temp\cw.exe}), or a folder ending with a backslash
 *       ({@code C:\ProgramData\pst\}: any file below it);</li>
 *   <li>{@code ip}: a client address or CIDR range (IPv4 or IPv6);</li>
 *   <li>{@code url}: a URL or URL path requested from the server ({@code /owa/auth/x.ashx}).</li>
 * </ul>
 * Further columns, all optional, in any order: {@code name} (what it is), {@code campaign}, {@code chain} (the
 * verdict row it is evidence of, e.g. {@code ProxyLogon}), {@code stage} ({@code attempt}, {@code success},
 * {@code post-exploitation} or {@code context}), {@code source} (who published it). A line that cannot be read is
 * reported with its position and skipped; the rest of the list loads.
 */
public final class IocCsv {

    public static final List<String> KINDS = List.of("sha256", "sha1", "md5", "filename", "path", "ip", "url");
    public static final List<String> COLUMNS = List.of("name", "campaign", "chain", "stage", "source");

    private final String ruleId;
    private final String file;
    private final Set<String> chains;
    private final IocSet into;
    private final Consumer<Diagnostic> problems;
    private List<String> header;
    private int loaded;

    private IocCsv(String ruleId, String file, Set<String> chains, IocSet into, Consumer<Diagnostic> problems) {
        this.ruleId = ruleId;
        this.file = file;
        this.chains = chains;
        this.into = into;
        this.problems = problems;
    }

    /**
     * Adds a list's indicators to a set.
     *
     * @param ruleId the rule id of its findings ({@code exhunt.ioc.webshell-sha256})
     * @param file   names the list in diagnostics
     * @param chains the verdict rows a {@code chain} column may name
     * @return how many indicators were added
     */
    public static int load(String ruleId, String file, String text, Set<String> chains, IocSet into,
                           Consumer<Diagnostic> problems) {
        IocCsv csv = new IocCsv(ruleId, file, chains, into, problems);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            csv.line(i + 1, line);
        }
        if (csv.header == null) problems.accept(Diagnostic.error("ioc.empty", SourceRef.file(file), "no header line: nothing loaded"));
        return csv.loaded;
    }

    private void line(int number, String line) {
        SourceRef where = SourceRef.line(file, number);
        List<String> fields = CsvLine.split(line);
        if (fields == null) {
            problems.accept(Diagnostic.error("ioc.quote", where, "unterminated quoted field"));
            return;
        }
        if (header == null) {
            header(where, fields);
            return;
        }
        if (header.isEmpty()) return; // the header was refused: reported once
        if (fields.size() != header.size()) {
            problems.accept(Diagnostic.error("ioc.columns", where, "expected " + header.size() + " columns ("
                    + String.join(",", header) + "), found " + fields.size()));
            return;
        }
        try {
            add(where, fields);
            loaded++;
        } catch (IllegalArgumentException e) {
            problems.accept(Diagnostic.error("ioc.value", where, e.getMessage()));
        }
    }

    private void header(SourceRef where, List<String> fields) {
        header = fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        if (!KINDS.contains(header.get(0))) {
            problems.accept(Diagnostic.error("ioc.header", where, "the first column must say what the indicators are ("
                    + String.join(", ", KINDS) + "), not '" + header.get(0) + "': nothing loaded"));
            header = List.of();
            return;
        }
        for (String column : header.subList(1, header.size())) {
            if (!COLUMNS.contains(column)) {
                problems.accept(Diagnostic.warning("ioc.column", where, "unknown column '" + column + "' ignored (known: "
                        + String.join(", ", COLUMNS) + ")"));
            }
        }
    }

    private void add(SourceRef where, List<String> fields) {
        String chain = column(fields, "chain");
        if (chain != null && !chains.contains(chain)) {
            throw new IllegalArgumentException("unknown chain '" + chain + "' (known: " + String.join(", ", chains) + ")");
        }
        String label = column(fields, "stage");
        Stage stage = label == null ? null : Stage.ofLabel(label).orElseThrow(() -> new IllegalArgumentException(
                "unknown stage '" + label + "' (known: " + String.join(", ", Stream.of(Stage.values()).map(Stage::label).toList()) + ")"));
        String value = fields.get(0).strip();
        String name = column(fields, "name");
        IndicatorSource source = new IndicatorSource(ruleId, name == null ? value : name,
                orEmpty(column(fields, "campaign")), chain, stage,
                orEmpty(column(fields, "source")), where);
        switch (header.get(0)) {
            case "sha256" -> into.add(file(IndicatorValues.digest(value, 64, "SHA-256"), null, null, null, source));
            case "sha1" -> into.add(file(null, IndicatorValues.digest(value, 40, "SHA-1"), null, null, source));
            case "md5" -> into.add(file(null, null, IndicatorValues.digest(value, 32, "MD5"), null, source));
            case "filename" -> into.add(file(null, null, null, IndicatorValues.fileName(value), source));
            case "path" -> into.add(IndicatorValues.path(value, source));
            case "ip" -> into.add(new AddressIndicator(IndicatorValues.address(value), source));
            case "url" -> into.add(new UrlIndicator(IndicatorValues.urlPath(value), source));
            default -> throw new IllegalStateException("kind checked with the header: " + header.get(0));
        }
    }

    private static FileIndicator file(String sha256, String sha1, String md5, String name, IndicatorSource source) {
        return new FileIndicator(sha256, sha1, md5, name, null, null, (char) 0, false, source);
    }

    private String column(List<String> fields, String column) {
        int at = header.indexOf(column);
        if (at < 0) return null;
        String v = fields.get(at).strip();
        return v.isEmpty() ? null : v;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
