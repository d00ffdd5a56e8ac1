package org.exhunt.hunt.ioc;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * SHA-256 indicators loaded from CSV lists ({@code sha256,name,campaign,source}, a header line, {@code #}
 * comments). A malformed line is reported with its position and skipped.
 */
public final class HashIocs {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int COLUMNS = 4;

    private final Map<String, HashIndicator> bySha256 = new HashMap<>();

    /** Adds the indicators of one CSV list; {@code file} names it in diagnostics. */
    public HashIocs load(String file, String csv, Consumer<Diagnostic> problems) {
        List<String> lines = csv.lines().toList();
        boolean headerSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (!headerSeen) {
                headerSeen = true;
                if (line.toLowerCase(Locale.ROOT).startsWith("sha256,")) continue;
            }
            String[] f = line.split(",", -1);
            SourceRef where = SourceRef.line(file, i + 1);
            if (f.length != COLUMNS) {
                problems.accept(Diagnostic.error("ioc.columns", where,
                        "expected " + COLUMNS + " columns (sha256,name,campaign,source), found " + f.length));
            } else if (!SHA256.matcher(f[0].strip()).matches()) {
                problems.accept(Diagnostic.error("ioc.sha256", where, "not a SHA-256: " + f[0].strip()));
            } else {
                String hash = f[0].strip().toLowerCase(Locale.ROOT);
                bySha256.put(hash, new HashIndicator(hash, f[1].strip(), f[2].strip(), f[3].strip()));
            }
        }
        return this;
    }

    public Optional<HashIndicator> find(String sha256) {
        return Optional.ofNullable(bySha256.get(sha256.toLowerCase(Locale.ROOT)));
    }

    public int size() {
        return bySha256.size();
    }
}
