package org.exhunt.hunt.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.exhunt.core.Diagnostic;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.hunt.build.BuildEvidence;
import org.exhunt.hunt.build.BuildObservation;
import org.exhunt.hunt.build.BuildSource;
import org.exhunt.hunt.build.DetectedBuild;
import org.exhunt.hunt.mitigation.MitigationFinder;
import org.exhunt.hunt.mitigation.Mitigations;
import org.exhunt.kb.BuildAssessment;
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

    /** How an OWA folder's CU relates to the build used: the same, an earlier one left behind, or a later one. */
    private static String relation(BuildObservation folder, BuildObservation used) {
        int c = folder.build().cu().compareTo(used.build().cu());
        return c == 0 ? "the build's CU" : c < 0 ? "an earlier CU's, left behind by an update" : "a later CU's";
    }

    public ServerExposure result() {
        DetectedBuild detected = builds.result();
        Mitigations found = mitigations.result();
        List<String> notes = new ArrayList<>();
        ExposureAssessment assessment;
        if (detected.chosen().isPresent()) {
            BuildObservation used = detected.chosen().get();
            BuildAssessment a = kb.assess(used.build());
            assessment = ExposureAssessment.of(kb, a, found.presentRuleIds());
            notes.add("Build " + used.build() + ": " + a.description() + "; from the " + used.seenIn());
            for (BuildObservation other : detected.disagreements()) {
                notes.add("Disagreement: the " + other.seenIn() + " says " + other.build() + " ("
                        + kb.assess(other.build()).description() + ")");
            }
            List<BuildObservation> folders = detected.from(BuildSource.OWA_FOLDER);
            if (!folders.isEmpty() && used.source() != BuildSource.OWA_FOLDER) {
                notes.add("OWA version folders: " + folders.stream().map(o -> o.build() + " (" + relation(o, used) + ")")
                        .collect(Collectors.joining(", ")));
            }
            a.productLine().ifPresent(p -> notes.add(p.name() + ": " + p.supportStatus()));
            a.path().ifPresent(p -> notes.add("Update path: " + p.describe()));
        } else {
            String why = exchangeFound
                    ? "build not found: no readable Bin\\ExSetup.exe, OWA version folder or log header in the evidence"
                    : "build not found: no Exchange install in the evidence";
            assessment = ExposureAssessment.withoutBuild(kb, why);
            notes.add("Build: " + why.substring("build not found: ".length()) + "; exposure is UNKNOWN");
        }
        notes.addAll(found.notes());
        notes.add(found.extendedProtection());
        return new ServerExposure(assessment, detected, found, notes);
    }
}
