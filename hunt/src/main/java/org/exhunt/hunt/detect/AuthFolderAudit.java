package org.exhunt.hunt.detect;

import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.hunt.layout.AuthFolderBaseline;
import org.exhunt.hunt.layout.WebShellLocation;

/**
 * Files in the OWA and ECP {@code auth} folders that a standard install does not keep there (CISA AA21-062A: "any
 * file" in {@code ecp\auth} but TimeoutLogoff.aspx, anything "added or modified vs. a standard install" in
 * {@code owa\auth}, any .aspx in its {@code Current} and version folders). A script file is a web shell; any other
 * unknown file directly in the folder is context. The standard files are the sourced list of
 * {@code rules/baseline/auth-folders.csv}.
 */
public final class AuthFolderAudit implements FileDetector {

    public static final String RULE_SCRIPT = "exhunt.file.unknown-script-in-auth-folder";
    public static final String RULE_FILE = "exhunt.file.unknown-file-in-auth-folder";

    private final AuthFolderBaseline baseline;

    public AuthFolderAudit(AuthFolderBaseline baseline) {
        this.baseline = baseline;
    }

    /** Goes by name and place alone: runs on files that could not be read too. */
    @Override
    public boolean needsContent() {
        return false;
    }

    @Override
    public void examine(FileContent c, Consumer<Finding> findings) {
        String below = AuthFolderBaseline.belowFolder(c.location(), c.url()).orElse(null);
        if (below == null) return;
        String folder = AuthFolderBaseline.folder(c.location());
        boolean top = below.indexOf('/') < 0;
        if (top && baseline.isStandard(folder, below)) return;
        boolean script = WebShellSweep.isScript(below);
        if (!script && !top && c.location() == WebShellLocation.OWA_AUTH) return; // OWA's resource folders
        Finding.Builder b = FileFindings.about(c, "file", script ? RULE_SCRIPT : RULE_FILE);
        if (script) {
            b.title("Script file in " + c.location().display() + " that a standard install does not have")
                    .severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION).tag("attack.t1505.003");
        } else {
            b.title("File in " + c.location().display() + " that a standard install does not have")
                    .severity(Severity.LOW).stage(Stage.CONTEXT);
        }
        findings.accept(b.meta("reference", "CISA AA21-062A; " + baseline.describe()).build());
    }
}
