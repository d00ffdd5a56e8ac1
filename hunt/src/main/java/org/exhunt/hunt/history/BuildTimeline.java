package org.exhunt.hunt.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.exhunt.core.Exposure;
import org.exhunt.core.facts.BuildSpan;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.kb.BuildNumber;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.MalformedBuildNumberException;

/**
 * Which build ran when, from a server's patch history: a sweep through time over what the history says.
 * <ul>
 *   <li>Before the first entry nothing shows the build (unknown), except before a fresh install: no Exchange.</li>
 *   <li>A build seen running in the logs ran from its first to its last record; two builds seen at once both may
 *       have run.</li>
 *   <li>An install runs its build from the latest its time can be; from the earliest, either build may run.</li>
 *   <li>Between entries the build stays, since only an install changes it: the last install's build until the next
 *       install, since every install of a CU is in the setup log and an update missing from the history can only be
 *       a later one of the same CU, which fixes as much. Before a build seen running that differs from the one before,
 *       either may have run, and when the two are of different CUs, the later CU's own build too: a CU is installed
 *       without its updates, which come after it.</li>
 *   <li>The build installed now ({@code Bin\ExSetup.exe}) is seen running at the end of the evidence.</li>
 * </ul>
 * Failed installs, installs whose end is not recorded and file times change nothing. A span is possibly exposed to a
 * row when a build that may have run then is not known to be fixed for it, or when nothing shows the build.
 */
public final class BuildTimeline {

    /** One stretch: from, to (null: open), the builds that may have run (null: unknown), no Exchange at all, why. */
    private record Stretch(Instant from, Instant to, TreeSet<BuildNumber> builds, boolean noExchange, String basis,
                           List<PatchEvent> events) {}

    private final KnowledgeBase kb;
    private final List<Stretch> stretches;
    private final Instant end;
    private final Stretch last;   // what runs at the end of the evidence (the sweep's state there), or null

    private BuildTimeline(KnowledgeBase kb, List<Stretch> stretches, Instant end, Stretch last) {
        this.kb = kb;
        this.stretches = stretches;
        this.end = end;
        this.last = last;
    }

    /**
     * @param history the patch history, any order
     * @param current the build installed now, or null
     * @param end     the end of the evidence, or null when nothing in it has a time
     */
    public static BuildTimeline of(KnowledgeBase kb, List<PatchEvent> history, BuildNumber current, Instant end) {
        List<PatchEvent> used = new ArrayList<>();
        for (PatchEvent e : history) {
            if (e.build() == null || e.strength() == PatchEvent.Strength.HINT) continue;
            if (e.action() != PatchEvent.Action.RUNNING && e.outcome() != PatchEvent.Outcome.SUCCEEDED) continue;
            if (parse(e.build()) == null) continue;
            used.add(e);
        }
        used.sort(Comparator.comparing(BuildTimeline::start));
        Sweep s = new Sweep(kb);
        boolean first = true;
        for (PatchEvent e : used) {
            BuildNumber b = parse(e.build());
            if (e.action() == PatchEvent.Action.RUNNING) {
                s.seen(b, e.time(), e.until() == null ? e.time() : e.until(), e);
            } else {
                s.installed(b, e.earliest(), e.latest(), first && e.action() == PatchEvent.Action.FRESH_INSTALL, e);
            }
            first = false;
        }
        if (current != null && end != null) s.seen(current, end, end, null);
        s.finish(end);
        // a build seen running while another was also seen (two logs, a header and a column) may have run all along
        for (PatchEvent e : used) {
            if (e.action() != PatchEvent.Action.RUNNING) continue;
            Instant to = e.until() == null ? e.time() : e.until();
            for (Stretch x : s.out) {
                if (x.builds() != null && overlaps(x, e.time(), to)) x.builds().add(parse(e.build()));
            }
        }
        Stretch last = s.state == null ? null
                : new Stretch(s.at, s.at, new TreeSet<>(s.state), false, Sweep.describe(s.stateEvent), Sweep.events(s.stateEvent));
        return new BuildTimeline(kb, merge(s.out), end, last);
    }

    private static Instant start(PatchEvent e) {
        return e.action() == PatchEvent.Action.RUNNING ? e.time() : e.earliest();
    }

    private static boolean overlaps(Stretch x, Instant from, Instant to) {
        return (x.to() == null || x.to().isAfter(from)) && (x.from() == null || x.from().isBefore(to));
    }

    /** The timeline as the result reports it. */
    public List<BuildSpan> spans() {
        return stretches.stream().map(x -> new BuildSpan(x.from(), x.to(),
                x.builds() == null ? List.of() : x.builds().stream().map(BuildNumber::toString).toList(), x.noExchange(),
                x.basis())).toList();
    }

    /** The end of the evidence the timeline runs to, or null. */
    public Instant end() {
        return end;
    }

    /** A stretch of time where the server was possibly exposed to a row, why, and the entries it rests on. */
    public record Exposed(Instant from, Instant to, String why, List<PatchEvent> events) {}

    /** The stretches, in time order, where the server was possibly exposed to {@code row}; from null: since before the evidence. */
    public List<Exposed> exposed(String row) {
        List<Exposed> out = new ArrayList<>();
        for (Stretch x : stretches) {
            Optional<String> why = exposure(x, row);
            if (why.isEmpty()) continue;
            Exposed last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.to() != null && last.to().equals(x.from()) && last.why().equals(why.get())) {
                List<PatchEvent> events = new ArrayList<>(last.events());
                events.addAll(x.events());
                out.set(out.size() - 1, new Exposed(last.from(), x.to(), last.why(), events));
            } else {
                out.add(new Exposed(x.from(), x.to(), why.get(), x.events()));
            }
        }
        return out;
    }

    /**
     * The earliest time from which, up to the end of the evidence, the server has had the row fixed (or run no
     * Exchange), with the entries that show it; empty when it is exposed at the end (or the timeline is empty).
     */
    public Optional<Fixed> fixedSince(String row) {
        // the state the evidence ends on: exposed there, the row is not fixed, whatever came before
        if (last != null && exposure(last, row).isPresent()) return Optional.empty();
        Fixed fixed = last == null || stretches.isEmpty() ? null
                : new Fixed(stretches.get(stretches.size() - 1).to(), false, last.events());
        for (int i = stretches.size() - 1; i >= 0; i--) {
            Stretch x = stretches.get(i);
            if (exposure(x, row).isPresent()) break;
            fixed = new Fixed(x.from(), x.noExchange(), x.events().isEmpty() && fixed != null ? fixed.events() : x.events());
        }
        return Optional.ofNullable(fixed);
    }

    /** When the server began to run Exchange, when a fresh install's setup log says so; empty otherwise. */
    public Optional<Instant> exchangeSince() {
        return stretches.isEmpty() || !stretches.get(0).noExchange() ? Optional.empty() : Optional.ofNullable(stretches.get(0).to());
    }

    /** Fixed from {@code since} (null: as far back as the evidence goes), with the entries that show it. */
    public record Fixed(Instant since, boolean neverRanExchangeBefore, List<PatchEvent> events) {}

    /** Why a stretch is possibly exposed to a row, or empty when it is not. */
    private Optional<String> exposure(Stretch x, String row) {
        if (x.noExchange()) return Optional.empty();
        if (x.builds() == null) return Optional.of("build not known");
        List<String> open = new ArrayList<>();
        for (BuildNumber b : x.builds()) {
            Exposure e = kb.assess(b).row(row).exposure();
            if (e == Exposure.VULNERABLE || e == Exposure.MITIGATED || e == Exposure.UNKNOWN) {
                open.add(name(b) + (e == Exposure.UNKNOWN ? " (exposure not known)" : " (vulnerable)"));
            }
        }
        if (open.isEmpty()) return Optional.empty();
        return Optional.of((x.builds().size() > 1 ? "one of " + x.builds().stream().map(this::name).toList() + " ran; " : "")
                + String.join(", ", open));
    }

    /** {@code CU19 Mar21SU (15.1.2176.9)}, or the number alone when the knowledge base does not list it. */
    String name(BuildNumber b) {
        return kb.build(b).map(x -> x.shortName()).orElse(b.toString());
    }

    static BuildNumber parse(String build) {
        try {
            return BuildNumber.parse(build);
        } catch (MalformedBuildNumberException e) {
            return null;
        }
    }

    private static List<Stretch> merge(List<Stretch> in) {
        List<Stretch> out = new ArrayList<>();
        for (Stretch x : in) {
            if (x.from() != null && x.to() != null && !x.to().isAfter(x.from())) continue;   // empty
            Stretch last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.noExchange() == x.noExchange() && java.util.Objects.equals(last.builds(), x.builds())) {
                List<PatchEvent> events = new ArrayList<>(last.events());
                x.events().stream().filter(e -> !events.contains(e)).forEach(events::add);
                String basis = last.basis().equals(x.basis()) ? last.basis() : last.basis() + "; " + x.basis();
                out.set(out.size() - 1, new Stretch(last.from(), x.to(), last.builds(), last.noExchange(), basis, events));
            } else {
                out.add(x);
            }
        }
        return out;
    }

    /** The sweep: the state so far and the stretches made. */
    private static final class Sweep {
        private final KnowledgeBase kb;
        final List<Stretch> out = new ArrayList<>();
        Instant at;                      // where the stretches made so far end; null: nothing made yet
        TreeSet<BuildNumber> state;      // builds running now; null: unknown
        PatchEvent stateEvent;           // the entry that shows the state; null: the build installed now

        Sweep(KnowledgeBase kb) {
            this.kb = kb;
        }

        void seen(BuildNumber b, Instant from, Instant to, PatchEvent e) {
            if (at != null && from.isBefore(at)) from = at;
            if (to.isBefore(from)) to = from;
            if (state == null) {
                add(at, from, null, false, "nothing shows the build", List.of());
            } else if (!state.equals(set(b))) {
                TreeSet<BuildNumber> either = new TreeSet<>(state);
                either.add(b);
                crossing(either, b);
                add(at, from, either, false, "between " + describe(stateEvent) + " and " + describe(e), events(stateEvent, e));
            } else {
                add(at, from, state, false, describe(stateEvent), events(stateEvent));
            }
            add(from, to, set(b), false, describe(e), events(e));
            state = set(b);
            stateEvent = e;
            at = to;
        }

        void installed(BuildNumber b, Instant earliest, Instant latest, boolean fresh, PatchEvent e) {
            if (at != null && earliest.isBefore(at)) earliest = at;
            if (latest.isBefore(earliest)) latest = earliest;
            if (fresh && state == null) {
                add(at, earliest, null, true, "before " + describe(e), events(e));
                state = set(b);
                add(earliest, latest, state, false, describe(e), events(e));
            } else {
                add(at, earliest, state, false, state == null ? "nothing shows the build" : describe(stateEvent), events(stateEvent));
                TreeSet<BuildNumber> either = state == null ? null : new TreeSet<>(state);
                if (either != null) {
                    either.add(b);
                    crossing(either, b);
                }
                add(earliest, latest, either, false, "while " + describe(e) + " ran", events(e));
                state = set(b);
            }
            stateEvent = e;
            at = latest;
        }

        void finish(Instant end) {
            if (end != null && (at == null || end.isAfter(at))) {
                add(at, end, state, false, state == null ? "nothing shows the build" : describe(stateEvent), events(stateEvent));
            }
        }

        /** Across a change of CU, the new CU's own build ran before its updates. */
        private void crossing(TreeSet<BuildNumber> either, BuildNumber b) {
            if (either.stream().allMatch(x -> x.cu().equals(b.cu()))) return;
            kb.cuBase(b).map(x -> x.number()).filter(x -> !x.equals(b)).ifPresent(either::add);
        }

        private void add(Instant from, Instant to, TreeSet<BuildNumber> builds, boolean none, String basis, List<PatchEvent> events) {
            out.add(new Stretch(from, to, builds == null ? null : new TreeSet<>(builds), none, basis, events));
        }

        private static TreeSet<BuildNumber> set(BuildNumber b) {
            TreeSet<BuildNumber> s = new TreeSet<>();
            s.add(b);
            return s;
        }

        static List<PatchEvent> events(PatchEvent... es) {
            List<PatchEvent> out = new ArrayList<>();
            for (PatchEvent e : es) if (e != null && !out.contains(e)) out.add(e);
            return out;
        }

        static String describe(PatchEvent e) {
            return e == null ? "the build installed now (Bin\\ExSetup.exe)" : e.what();
        }
    }
}
