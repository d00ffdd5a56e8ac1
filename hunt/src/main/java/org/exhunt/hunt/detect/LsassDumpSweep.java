package org.exhunt.hunt.detect;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.verdict.LsassDumps;

/**
 * Dumps of LSASS memory where the March 2021 intruders left them: {@code lsass*.dmp} under {@code C:\root} and
 * {@code Windows\Temp} (Test-ProxyLogon's LsassDump check), and the variants of Microsoft's HAFNIUM post and
 * SigmaHQ's HAFNIUM rule (ProcDump to {@code C:\windows\temp\lsass*}, comsvcs.dll MiniDump into
 * {@code inetpub\wwwroot}, makecab to {@code .dmp.zip}), also in {@code ProgramData}. In the folders IIS serves any
 * memory dump counts, whatever its name: a dump there is staged to be downloaded. By name only: nothing is read.
 * When the event logs show the same dump being written, its finding links those traces ({@code LsassDumps}).
 */
public final class LsassDumpSweep implements ListingDetector {

    public static final String RULE = "exhunt.file.lsass-dump";
    private static final List<String> PLACES = List.of("root/", "windows/temp/", "inetpub/", "programdata/");

    @Override
    public void examine(Listing listing, Consumer<Finding> findings) {
        for (EvidenceFile f : listing.files()) {
            String path = f.drivePath().toLowerCase(Locale.ROOT);
            String name = path.substring(path.lastIndexOf('/') + 1);
            boolean dump = LsassDumps.isDump(name);
            if (!dump) continue;
            boolean served = listing.layout().isWebContent(f.drivePath());
            boolean lsass = name.startsWith("lsass") && PLACES.stream().anyMatch(path::startsWith);
            if (!lsass && !served) continue;
            findings.accept(FileFindings.sized(FileFindings.about(f, listing.layout().urlPath(f.drivePath()).orElse(null),
                            "file", RULE), f)
                    .title(lsass ? "LSASS memory dump (credential theft)" : "Memory dump in a folder IIS serves")
                    .severity(Severity.HIGH)
                    .stage(Stage.POST_EXPLOITATION)
                    .tag("attack.t1003.001")
                    .meta("reference", "Test-ProxyLogon LsassDump check; Microsoft HAFNIUM post (2021-03-02); SigmaHQ bbb2dedd")
                    .build());
        }
    }
}
