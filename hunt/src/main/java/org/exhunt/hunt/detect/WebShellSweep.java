package org.exhunt.hunt.detect;

import java.util.Locale;
import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.hunt.ioc.HashIocs;
import org.exhunt.hunt.source.EvidenceFile;

/**
 * Web shells by fact rather than content: a SHA-256 on a published list, or a server-side script in a
 * web-shell location where a standard install has none (CISA AA21-062A).
 */
public final class WebShellSweep implements FileDetector {

    public static final String RULE_KNOWN_HASH = "exhunt.ioc.webshell-sha256";
    public static final String RULE_MISPLACED_SCRIPT = "exhunt.file.script-in-webshell-location";
    private static final String[] SCRIPT_EXTENSIONS = {".aspx", ".ashx", ".asmx"};

    private final HashIocs iocs;

    public WebShellSweep(HashIocs iocs) {
        this.iocs = iocs;
    }

    @Override
    public void examine(FileContent c, Consumer<Finding> findings) {
        iocs.find(c.sha256()).ifPresent(ioc -> findings.accept(describe(c, "ioc", RULE_KNOWN_HASH)
                .title("Known web shell: " + ioc.name() + " (" + ioc.campaign() + ")")
                .severity(Severity.CRITICAL)
                .tag("campaign." + ioc.campaign().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                .meta("reference", ioc.source())
                .build()));
        if (c.location() != null && !c.location().holdsExchangeScripts() && isScript(c.file().drivePath())) {
            findings.accept(describe(c, "ioc", RULE_MISPLACED_SCRIPT)
                    .title("Script file in " + c.location().display() + ", where a standard install has none")
                    .severity(Severity.HIGH)
                    .tag("attack.t1505.003")
                    .build());
        }
    }

    /** A finding about a file, with the evidence every file finding carries. */
    public static Finding.Builder describe(FileContent c, String detector, String rule) {
        EvidenceFile file = c.file();
        Finding.Builder b = Finding.builder(detector, rule).source(file.ref()).evidence("path", file.windowsPath());
        if (c.url() != null) b.evidence("url", c.url());
        if (c.location() != null) b.evidence("location", c.location().display());
        b.evidence("sha256", c.sha256()).evidence("size", Long.toString(file.size()));
        if (file.modified() != null) b.time(file.modified()).evidence("modified", file.modified().toString());
        return b;
    }

    static boolean isScript(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String ext : SCRIPT_EXTENSIONS) {
            if (p.endsWith(ext)) return true;
        }
        return false;
    }
}
