package org.exhunt.hunt.exposure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.core.Exposure;
import org.exhunt.core.Rows;
import org.exhunt.hunt.build.BuildObservation;
import org.exhunt.hunt.verdict.LogWindow;
import org.exhunt.hunt.verdict.RowAssessment;
import org.exhunt.hunt.verdict.RowProfile;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.Row;
import org.exhunt.kb.RowExposure;

/**
 * What the verdicts need per row ({@link RowAssessment}): the row from the knowledge base, the server's exposure
 * with its reason, and the reach of the logs that can show the row, with the exposure of the build those logs
 * show at their start.
 *
 * <p>The log types a row shows in ({@link #VISIBLE_IN}) are where its requests and effects land (EXCHANGE.md §a,
 * §b): every exploited Exchange CVE here is reached over HTTP, so its requests are in the IIS logs and, through
 * the front end, in the HttpProxy logs; some also leave ECP, OAB generator or event-log traces.
 */
public final class RowAssessments {

    static final Map<String, Set<String>> VISIBLE_IN = Map.of(
            Rows.PROXYLOGON, Set.of("iis", "exchange-httpproxy", "exchange-ecp-server", "exchange-oabgenerator", "evtx"),
            Rows.PROXYSHELL, Set.of("iis", "exchange-httpproxy", "evtx"),
            Rows.PROXYNOTSHELL, Set.of("iis", "exchange-httpproxy", "evtx"),
            Rows.CVE_2020_0688, Set.of("iis", "exchange-httpproxy"),
            Rows.CVE_2021_42321, Set.of("iis", "exchange-httpproxy", "evtx"),
            Rows.CVE_2021_33766, Set.of("iis", "exchange-httpproxy"),
            Rows.CVE_2021_31196, Set.of("iis", "exchange-httpproxy"));

    private RowAssessments() {}

    /**
     * @param reach how far each log type read in the scan reaches
     */
    public static List<RowAssessment> of(KnowledgeBase kb, ServerExposure exposure, List<LogReach> reach) {
        List<RowAssessment> out = new ArrayList<>();
        for (RowExposure e : exposure.assessment().rows()) {
            Row row = kb.row(e.row()).orElseThrow();
            Set<String> visible = VISIBLE_IN.getOrDefault(row.name(), Set.of("iis"));
            RowProfile profile = new RowProfile(row.name(), row.cves(),
                    row.firstExploited().atStartOfDay(ZoneOffset.UTC).toInstant(), row.firstExploitedSource(), visible);
            out.add(new RowAssessment(profile, e.exposure(), e.reason(), window(kb, exposure, e, visible, reach)));
        }
        return out;
    }

    private static LogWindow window(KnowledgeBase kb, ServerExposure exposure, RowExposure now, Set<String> visible,
                                    List<LogReach> reach) {
        List<LogReach> mine = reach.stream().filter(r -> visible.contains(r.type()) && r.first() != null)
                .sorted(Comparator.comparing(LogReach::type)).toList();
        if (mine.isEmpty()) return null;
        Instant from = mine.stream().map(LogReach::first).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = mine.stream().map(LogReach::last).max(Comparator.naturalOrder()).orElseThrow();
        return new LogWindow(mine.stream().map(LogReach::type).toList(), from, to, atStart(kb, exposure, now, from));
    }

    /**
     * The row's exposure when the logs start: from the build the logs show then; else, when the build now is not
     * fixed (or the product is not affected), the same then, since builds only move forward; else UNKNOWN.
     */
    private static Exposure atStart(KnowledgeBase kb, ServerExposure exposure, RowExposure now, Instant from) {
        BuildObservation then = exposure.build().fromLogsAt(from).orElse(null);
        if (then != null) return kb.assess(then.build()).row(now.row()).exposure();
        BuildObservation current = exposure.build().chosen().orElse(null);
        if (current == null) return Exposure.UNKNOWN;
        Exposure built = kb.assess(current.build()).row(now.row()).exposure();
        return built == Exposure.VULNERABLE || built == Exposure.NOT_AFFECTED ? built : Exposure.UNKNOWN;
    }
}
