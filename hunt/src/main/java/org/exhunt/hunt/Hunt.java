package org.exhunt.hunt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Diagnostics;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.hunt.ioc.HashIocs;
import org.exhunt.hunt.layout.ExchangeLayout;
import org.exhunt.hunt.layout.WebShellLocation;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.source.EvidenceFile;
import org.exhunt.hunt.source.EvidenceSource;
import org.exhunt.hunt.verdict.Verdicts;
import org.exhunt.hunt.verdict.WebRequests;

/**
 * The main job for one server: walk its evidence, find Exchange in it, run the detectors, decide the
 * verdicts. A {@code Hunt} holds the loaded rules and can scan many servers, one {@link #scan} call each.
 */
public final class Hunt {

    private final HashIocs iocs = new HashIocs();
    private final List<Diagnostic> ruleProblems = new ArrayList<>();
    private final String installPath; // null: discover

    private Hunt(RulePack pack, String installPath) {
        this.installPath = installPath;
        for (String file : pack.list("ioc/")) {
            if (file.endsWith("-sha256.csv")) iocs.load("rules/" + file, pack.text(file), ruleProblems::add);
        }
    }

    /**
     * @param pack        the rules to hunt with
     * @param installPath the Exchange install path on the server's drive, or {@code null} to discover it
     */
    public static Hunt with(RulePack pack, String installPath) {
        return new Hunt(pack, installPath);
    }

    /** Scans the evidence of one server, which may come from several sources. */
    public ServerResult scan(String server, List<EvidenceSource> sources) {
        Diagnostics problems = new Diagnostics();
        ruleProblems.forEach(problems::add);
        List<EvidenceFile> files = new ArrayList<>();
        for (EvidenceSource source : sources) source.walk(files::add, problems::add);

        ExchangeLayout layout = installPath != null
                ? ExchangeLayout.withInstallPath(installPath)
                : ExchangeLayout.discover(files.stream().map(EvidenceFile::drivePath).toList());

        List<Finding> findings = new ArrayList<>();
        WebShellSweep sweep = new WebShellSweep(iocs);
        int looked = 0;
        boolean sawInetpub = false;
        for (EvidenceFile file : files) {
            sawInetpub |= file.drivePath().regionMatches(true, 0, "inetpub/", 0, "inetpub/".length());
            Optional<WebShellLocation> location = layout.webShellLocation(file.drivePath());
            if (location.isPresent()) {
                looked++;
                sweep.examine(file, location.get(), layout.urlPath(file.drivePath()).orElse(null), findings::add,
                        problems::add);
            }
        }

        List<String> notes = new ArrayList<>();
        notes.add(layout.installPathForDisplay()
                .map(p -> "Exchange install path: " + p + (installPath != null ? " (given)" : " (found)"))
                .orElse("no Exchange install found (give it with --install-path if it is elsewhere)"));
        Verdicts.Outcome outcome = Verdicts.decide(server, List.of(), findings, new WebRequests(), looked,
                layout.installPath().isPresent() || sawInetpub);
        return new ServerResult(server, sources.stream().map(EvidenceSource::describe).toList(),
                outcome.verdicts(), outcome.findings(), problems.all(), notes);
    }
}
