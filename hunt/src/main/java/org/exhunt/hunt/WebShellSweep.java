package org.exhunt.hunt;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.hunt.ioc.HashIocs;
import org.exhunt.hunt.layout.WebShellLocation;
import org.exhunt.hunt.source.EvidenceFile;

/**
 * Looks at one file in a web-shell location: its SHA-256 against the hash indicators, and whether it is a
 * server-side script where a standard install has none. Reads the file once; never writes.
 */
final class WebShellSweep {

    static final String RULE_KNOWN_HASH = "exhunt.ioc.webshell-sha256";
    static final String RULE_MISPLACED_SCRIPT = "exhunt.file.script-in-webshell-location";
    private static final String[] SCRIPT_EXTENSIONS = {".aspx", ".ashx", ".asmx"};

    private final HashIocs iocs;

    WebShellSweep(HashIocs iocs) {
        this.iocs = iocs;
    }

    /**
     * @param url the URL path the file is served under, or null
     */
    void examine(EvidenceFile file, WebShellLocation location, String url, Consumer<Finding> findings,
                 Consumer<Diagnostic> problems) {
        String sha256;
        try (InputStream in = file.open()) {
            sha256 = sha256(in);
        } catch (IOException e) {
            problems.accept(Diagnostic.error("read.failed", file.ref(), "could not be read: " + e.getMessage()));
            return;
        }
        iocs.find(sha256).ifPresent(ioc -> findings.accept(describe(file, location, url, sha256, RULE_KNOWN_HASH)
                .title("Known web shell: " + ioc.name() + " (" + ioc.campaign() + ")")
                .severity(Severity.CRITICAL)
                .tag("campaign." + ioc.campaign().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                .meta("reference", ioc.source())
                .build()));
        if (!location.holdsExchangeScripts() && isScript(file.drivePath())) {
            findings.accept(describe(file, location, url, sha256, RULE_MISPLACED_SCRIPT)
                    .title("Script file in " + location.display() + ", where a standard install has none")
                    .severity(Severity.HIGH)
                    .tag("attack.t1505.003")
                    .build());
        }
    }

    private static Finding.Builder describe(EvidenceFile file, WebShellLocation location, String url,
                                            String sha256, String rule) {
        Finding.Builder b = Finding.builder("ioc", rule)
                .source(file.ref())
                .evidence("path", file.windowsPath());
        if (url != null) b.evidence("url", url);
        b.evidence("location", location.display())
                .evidence("sha256", sha256)
                .evidence("size", Long.toString(file.size()));
        if (file.modified() != null) {
            b.time(file.modified()).evidence("modified", file.modified().toString());
        }
        return b;
    }

    static boolean isScript(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String ext : SCRIPT_EXTENSIONS) {
            if (p.endsWith(ext)) return true;
        }
        return false;
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        return HexFormat.of().formatHex(digest.digest());
    }
}
