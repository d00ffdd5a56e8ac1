package org.exhunt.hunt.detect;

import java.util.Locale;
import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;

/**
 * A server-side script in a web-shell location where a standard install has none ({@code inetpub\wwwroot\aspnet_client},
 * CISA AA21-062A). The OWA and ECP {@code auth} folders, which do hold Exchange's own scripts, are
 * {@link AuthFolderAudit}'s.
 */
public final class WebShellSweep implements FileDetector {

    public static final String RULE_MISPLACED_SCRIPT = "exhunt.file.script-in-webshell-location";

    /** Goes by name and place alone: runs on files that could not be read too. */
    @Override
    public boolean needsContent() {
        return false;
    }

    @Override
    public void examine(FileContent c, Consumer<Finding> findings) {
        if (c.location() != null && !c.location().holdsExchangeScripts() && isScript(c.file().drivePath())) {
            findings.accept(FileFindings.about(c, "ioc", RULE_MISPLACED_SCRIPT)
                    .title("Script file in " + c.location().display() + ", where a standard install has none")
                    .severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION)
                    .tag("attack.t1505.003")
                    .build());
        }
    }

    /**
     * Server-side script extensions (ASP.NET pages, handlers, services, classic ASP and the others web-shell hunts
     * name: Elastic's "Microsoft Exchange Server UM Writing Suspicious Files", NCSC-FI's web-shell guide).
     */
    private static final String[] SCRIPT_EXTENSIONS = {".aspx", ".ashx", ".asmx", ".asax", ".ascx", ".asp",
        ".cshtml", ".vbhtml", ".svc", ".soap", ".rem", ".shtml", ".php", ".jsp", ".cfm"};

    /** Whether a file is a script IIS may run, by its extension (case ignored). */
    public static boolean isScript(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String ext : SCRIPT_EXTENSIONS) {
            if (p.endsWith(ext)) return true;
        }
        return false;
    }
}
