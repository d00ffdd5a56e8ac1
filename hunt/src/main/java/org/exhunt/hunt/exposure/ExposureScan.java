package org.exhunt.hunt.exposure;

import java.util.List;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.BuildSighting;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.Mitigations;
import org.exhunt.core.facts.OwaFolder;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.build.BuildEvidence;
import org.exhunt.hunt.build.BuildObservation;
import org.exhunt.hunt.build.DetectedBuild;
import org.exhunt.hunt.mitigation.MitigationFinder;
import org.exhunt.kb.BuildAssessment;
import org.exhunt.kb.BuildFactsOf;
import org.exhunt.kb.ExposureAssessment;
import org.exhunt.kb.KnowledgeBase;

/**
 * The exposure part of one server's scan: give it every evidence file ({@link #examine}) and the builds other
 * readers saw ({@link #builds()}), then take the {@link #result()}.
 */
public final class ExposureScan {

    private final KnowledgeBase kb;
    private final BuildEvidence builds;
    private final MitigationFinder mitigations;
    private final boolean exchangeFound;

    /** @param installPath the Exchange install path found or given ('/'-separated), or {@code null} */
    public ExposureScan(KnowledgeBase kb, String installPath) {
        this.kb = kb;
        this.builds = new BuildEvidence(installPath);
        this.mitigations = new MitigationFinder(kb);
        this.exchangeFound = installPath != null;
    }

    public void examine(EvidenceFile file, Consumer<Diagnostic> problems) {
        builds.examine(file, problems);
        mitigations.examine(file, problems);
    }

    /** Where the builds the log readers saw go ({@link BuildEvidence#logs}). */
    public BuildEvidence builds() {
        return builds;
    }

    public ServerExposure result() {
        DetectedBuild detected = builds.result();
        Mitigations found = mitigations.result();
        BuildObservation used = detected.chosen().orElse(null);
        List<OwaFolder> folders = detected.from(BuildSource.OWA_FOLDER).stream()
                .map(o -> new OwaFolder(o.build().toString(), o.path(), o.from(), used == null ? null : relation(o, used)))
                .toList();
        ExposureAssessment assessment;
        BuildFacts facts;
        if (used != null) {
            BuildAssessment a = kb.assess(used.build());
            assessment = ExposureAssessment.of(kb, a, MitigationFinder.counted(found));
            facts = BuildFactsOf.of(a, used.source(), used.path(), used.from(), used.to(),
                    detected.disagreements().stream().map(this::sighting).toList(), folders);
        } else {
            String why = exchangeFound
                    ? "no readable Bin\\ExSetup.exe, OWA version folder or log header in the evidence"
                    : "no Exchange install in the evidence";
            assessment = ExposureAssessment.withoutBuild(kb, "build not found: " + why);
            facts = BuildFactsOf.unknown(why, folders);
        }
        return new ServerExposure(assessment, detected, facts, found, mitigations.extendedProtection());
    }

    private BuildSighting sighting(BuildObservation o) {
        return BuildFactsOf.sighting(kb.assess(o.build()), o.source(), o.path(), o.from(), o.to());
    }

    /** How an OWA folder's CU relates to the build used: the same, an earlier one left behind, or a later one. */
    private static OwaFolder.Relation relation(BuildObservation folder, BuildObservation used) {
        int c = folder.build().cu().compareTo(used.build().cu());
        return c == 0 ? OwaFolder.Relation.SAME_CU : c < 0 ? OwaFolder.Relation.EARLIER_CU : OwaFolder.Relation.LATER_CU;
    }
}
