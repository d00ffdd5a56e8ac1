package org.exhunt.hunt.layout;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * The folders under {@code C:\ProgramData} that a known product keeps as its own tree, from the rule pack's sourced
 * list ({@code rules/baseline/programdata-owners.csv}: {@code folder,product,source}, a header, {@code #} comments,
 * RFC 4180 quotes around a source that holds commas). Paths compare without case, as Windows does.
 */
public final class ProgramDataOwners {

    /** The pack's file. */
    public static final String FILE = "baseline/programdata-owners.csv";

    private static final String TOP = "programdata/";

    private final Map<String, String> products = new LinkedHashMap<>(); // "mcafee/common framework/" -> product

    private ProgramDataOwners() {}

    /** No folder is known: every archive in ProgramData is a finding. */
    public static ProgramDataOwners none() {
        return new ProgramDataOwners();
    }

    public static ProgramDataOwners parse(String file, String csv, Consumer<Diagnostic> problems) {
        ProgramDataOwners o = new ProgramDataOwners();
        boolean header = false;
        String[] lines = csv.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (!header) {
                header = true;
                continue;
            }
            // folder and product hold no commas; the source, last, may (quoted)
            String[] f = line.split(",", 3);
            if (f.length != 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()) {
                problems.accept(Diagnostic.error("baseline.line", SourceRef.line(file, i + 1),
                        "expected folder,product,source: line skipped"));
                continue;
            }
            String folder = f[0].strip().replace('\\', '/').toLowerCase(Locale.ROOT);
            o.products.put(folder.endsWith("/") ? folder : folder + "/", f[1].strip());
        }
        return o;
    }

    /** The product whose own tree holds this file ({@code ProgramData/...}, a drive path), if one does. */
    public Optional<String> owner(String drivePath) {
        String path = drivePath.toLowerCase(Locale.ROOT);
        if (!path.startsWith(TOP)) return Optional.empty();
        String below = path.substring(TOP.length());
        return products.entrySet().stream().filter(e -> below.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
    }
}
