package org.exhunt.hunt.build;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.exhunt.core.facts.BuildSource;

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

    /** Logs of different types start at slightly different times; a build first seen this close to a time counts. */
    private static final Duration START_SLACK = Duration.ofDays(1);

    /** The newest: latest seen, then latest first seen, then highest build. */
    private static final Comparator<BuildObservation> NEWEST = Comparator
            .comparing(BuildObservation::to, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(BuildObservation::from, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(BuildObservation::build);

    private static BuildObservation choose(List<BuildObservation> all) {
        for (BuildSource source : BuildSource.values()) {
            Optional<BuildObservation> best = all.stream().filter(o -> o.source() == source).max(NEWEST);
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
        return Stream.of(BuildSource.values()).filter(s -> s != chosen.source())
                .map(s -> from(s).stream().max(NEWEST))
                .flatMap(Optional::stream)
                .filter(o -> o.build().isCuOnly() || chosen.build().isCuOnly()
                        ? !o.build().cu().equals(chosen.build().cu()) : !o.build().equals(chosen.build()))
                .toList();
    }

    /**
     * The build the logs show running at {@code time}: a log sighting whose span holds it, or the earliest one
     * first seen within a day of it. Empty when the logs do not show the build then.
     */
    public Optional<BuildObservation> fromLogsAt(Instant time) {
        List<BuildObservation> logs = observations.stream()
                .filter(o -> o.source() == BuildSource.LOGS && o.from() != null)
                .sorted(Comparator.comparing(BuildObservation::from)).toList();
        Optional<BuildObservation> holding = logs.stream()
                .filter(o -> !o.from().isAfter(time) && o.to() != null && !o.to().isBefore(time)).findFirst();
        if (holding.isPresent()) return holding;
        return logs.stream().filter(o -> !o.from().isAfter(time.plus(START_SLACK))).findFirst();
    }
}
