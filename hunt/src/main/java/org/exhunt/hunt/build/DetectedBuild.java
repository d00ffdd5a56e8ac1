package org.exhunt.hunt.build;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every sighting of a server's build, and the one the verdicts use: the ExSetup.exe file version when there is
 * one, else the newest build the logs show, else the newest OWA version folder (CU only).
 */
public final class DetectedBuild {

    private final List<BuildObservation> observations;
    private final BuildObservation chosen;

    DetectedBuild(List<BuildObservation> observations) {
        this.observations = List.copyOf(observations);
        this.chosen = choose(observations);
    }

    private static BuildObservation choose(List<BuildObservation> all) {
        for (BuildSource source : BuildSource.values()) {
            Optional<BuildObservation> best = all.stream().filter(o -> o.source() == source)
                    .max(Comparator.comparing(BuildObservation::time, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(BuildObservation::build));
            if (best.isPresent()) return best.get();
        }
        return null;
    }

    /** The build the verdicts use, if any was seen. */
    public Optional<BuildObservation> chosen() {
        return Optional.ofNullable(chosen);
    }

    /** All sightings, in the order they were found. */
    public List<BuildObservation> observations() {
        return observations;
    }

    /** The sightings of one source. */
    public List<BuildObservation> from(BuildSource source) {
        return observations.stream().filter(o -> o.source() == source).toList();
    }

    /**
     * Sightings that disagree with the chosen build: another CU in the newest OWA folder, or another build in the
     * newest log. Older folders and logs from before an update are history, not disagreement.
     */
    public List<BuildObservation> disagreements() {
        if (chosen == null) return List.of();
        return java.util.stream.Stream.of(BuildSource.values()).filter(s -> s != chosen.source())
                .map(s -> from(s).stream().max(Comparator.comparing(BuildObservation::time,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(BuildObservation::build)))
                .flatMap(Optional::stream)
                .filter(o -> o.build().isCuOnly() || chosen.build().isCuOnly()
                        ? !o.build().cu().equals(chosen.build().cu()) : !o.build().equals(chosen.build()))
                .toList();
    }
}
