package org.exhunt.hunt.layout;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * The files a standard Exchange install keeps directly in the OWA and ECP {@code auth} folders of the front end,
 * from the rule pack's sourced list ({@code rules/baseline/auth-folders.csv}: {@code folder,filename,source}, a
 * header, {@code #} comments). Names compare without case, as Windows does.
 */
public final class AuthFolderBaseline {

    /** The pack's file. */
    public static final String FILE = "baseline/auth-folders.csv";

    private final Set<String> standard = new HashSet<>(); // "owa/auth/logon.aspx", lower case

    private AuthFolderBaseline() {}

    public static AuthFolderBaseline parse(String file, String csv, Consumer<Diagnostic> problems) {
        AuthFolderBaseline b = new AuthFolderBaseline();
        boolean header = false;
        String[] lines = csv.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (!header) {
                header = true;
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 3 || f[0].isBlank() || f[1].isBlank()) {
                problems.accept(Diagnostic.error("baseline.line", SourceRef.line(file, i + 1),
                        "expected folder,filename,source: line skipped"));
                continue;
            }
            b.standard.add((f[0].strip() + "/" + f[1].strip()).toLowerCase(Locale.ROOT));
        }
        return b;
    }

    /** The folder below the front end's web root of an auth-folder location ({@code owa/auth}), or null for another. */
    public static String folder(WebShellLocation location) {
        return location == WebShellLocation.OWA_AUTH ? "owa/auth" : location == WebShellLocation.ECP_AUTH ? "ecp/auth" : null;
    }

    /**
     * A file's path below its auth folder, lower case ({@code logon.aspx}, {@code 15.1.2176/x.aspx}), from the URL it
     * is served under; empty for a file of no auth folder.
     */
    public static Optional<String> belowFolder(WebShellLocation location, String url) {
        String folder = folder(location);
        if (folder == null || url == null) return Optional.empty();
        String u = url.toLowerCase(Locale.ROOT);
        int at = u.indexOf(folder + "/");
        return at < 0 ? Optional.empty() : Optional.of(u.substring(at + folder.length() + 1));
    }

    /** Whether a file is one a standard install keeps directly in its auth folder: a standard page, by name and place. */
    public boolean isStandardPage(WebShellLocation location, String url) {
        return belowFolder(location, url).filter(below -> isStandard(folder(location), below)).isPresent();
    }

    /** Whether a standard install keeps a file of this name directly in {@code folder} ({@code owa/auth}). */
    public boolean isStandard(String folder, String name) {
        return standard.contains((folder + "/" + name).toLowerCase(Locale.ROOT));
    }

    /** Where the list comes from, for findings. */
    public String describe() {
        return "standard files: rules/" + FILE + " (" + standard.size() + " files)";
    }
}
