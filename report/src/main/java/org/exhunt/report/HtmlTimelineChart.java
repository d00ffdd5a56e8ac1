package org.exhunt.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.core.IsoTime;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.ExposureWindow;

/**
 * The timeline chart of the HTML report, drawn as inline SVG by exhunt (no script needed, and it prints):
 * one lane per server and chain, time from left to right, a dot per finding and a smaller dot per linked
 * event, joined to its finding by a dashed line. Behind a chain's findings, its exposure window: where the server was
 * possibly exposed to the chain (shaded), and where no log that can show the chain covers that (hatched). Every dot has a tooltip and, with the page's script, jumps
 * to its table row. Events without a time are not drawn; the caption says how many.
 */
final class HtmlTimelineChart {

    private static final int WIDTH = 1000;
    private static final int LABEL_WIDTH = 230;
    private static final int RIGHT = 30;
    private static final int TOP = 34;
    private static final int LANE = 30;
    private static final int AXIS = 44;
    private static final Locale LOCALE = Locale.ROOT;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd", LOCALE).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", LOCALE).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("HH:mm:ss", LOCALE).withZone(ZoneOffset.UTC);

    private HtmlTimelineChart() {}

    static void write(Html html, List<ServerResult> results, List<HtmlFindingsTable.Row> rows) {
        List<HtmlFindingsTable.Row> timed = rows.stream().filter(r -> r.event().hasTime()).toList();
        int untimed = rows.size() - timed.size();
        if (timed.isEmpty()) {
            html.raw("<p class=\"muted\">").add(rows.isEmpty() ? "No evidence to show on a timeline."
                    : "None of the evidence has a time, so there is nothing to draw; see the findings below.")
                    .raw("</p>\n");
            return;
        }
        List<String> lanes = lanes(results, timed);
        List<Instant> times = timed.stream().map(r -> r.event().finding().time()).toList();
        Instant min = times.stream().min(Instant::compareTo).orElseThrow();
        Instant max = times.stream().max(Instant::compareTo).orElseThrow();
        TimeAxis axis = TimeAxis.of(times, LABEL_WIDTH + 14, WIDTH - RIGHT);
        int height = TOP + lanes.size() * LANE + AXIS;

        html.raw("<svg class=\"timeline\" viewBox=\"0 0 " + WIDTH + " " + height
                + "\" role=\"img\" aria-labelledby=\"timeline-title\"><title id=\"timeline-title\">")
                .add("Timeline of " + timed.size() + " timed findings and linked events, " + MINUTE.format(min)
                        + " to " + MINUTE.format(max) + " UTC")
                .raw("</title>\n");
        legend(html);
        for (int i = 0; i < lanes.size(); i++) {
            int y = TOP + i * LANE;
            if (i % 2 == 0) html.raw(rect(LABEL_WIDTH, y, WIDTH - LABEL_WIDTH - RIGHT / 2, LANE, "lane"));
            html.raw("<text class=\"lane-label\" x=\"8\" y=\"" + (y + LANE / 2 + 4) + "\">")
                    .add(clip(lanes.get(i), 34)).raw("<title>").add(lanes.get(i)).raw("</title></text>\n");
        }
        axis(html, axis, TOP + lanes.size() * LANE);
        windows(html, results, lanes, axis);

        Map<String, int[]> position = new HashMap<>();
        for (HtmlFindingsTable.Row r : timed) {
            int x = axis.x(r.event().finding().time());
            int y = TOP + lanes.indexOf(lane(r.event())) * LANE + LANE / 2;
            position.put(r.event().id() + "/" + r.group(), new int[] {x, y});
        }
        for (HtmlFindingsTable.Row r : timed) {
            if (r.event().parentId() == null) continue;
            int[] from = position.get(r.event().id() + "/" + r.group());
            int[] to = position.get(r.event().parentId() + "/" + r.group());
            if (to != null) {
                html.raw("<line class=\"link\" x1=\"" + from[0] + "\" y1=\"" + from[1] + "\" x2=\"" + to[0]
                        + "\" y2=\"" + to[1] + "\"/>\n");
            }
        }
        for (HtmlFindingsTable.Row r : timed) dot(html, r, position.get(r.event().id() + "/" + r.group()));
        html.raw("</svg>\n<p class=\"muted\">")
                .add("Each dot is a finding (large) or an event a finding links (small); click one to find it in"
                        + " the table. Behind a chain's dots, its exposure window: shaded where the server was possibly"
                        + " exposed, hatched where no IIS or HttpProxy log covers that." + untimed(untimed))
                .raw("</p>\n");
    }

    /** Each lane's exposure window, behind its dots, cut to the stretches the axis shows. */
    private static void windows(Html html, List<ServerResult> results, List<String> lanes, TimeAxis axis) {
        for (ServerResult r : results) {
            for (Verdict v : r.verdicts()) {
                int lane = lanes.indexOf(r.server() + " · " + v.row());
                if (lane < 0 || v.window() == null) continue;
                int y = TOP + lane * LANE + 3;
                for (ExposureWindow.Span x : v.window().exposed()) band(html, axis, x, y, "exposed", v.row() + ": possibly exposed");
                for (ExposureWindow.Span x : v.window().gaps()) band(html, axis, x, y, "uncovered", v.row() + ": no IIS or HttpProxy logs");
            }
        }
    }

    private static void band(Html html, TimeAxis axis, ExposureWindow.Span x, int y, String cls, String what) {
        for (TimeAxis.Segment s : axis.segments()) {
            Instant from = x.from().isAfter(s.from()) ? x.from() : s.from();
            Instant to = x.to() == null || x.to().isAfter(s.to()) ? s.to() : x.to();
            if (to.isBefore(from) || (s.isInstant() && !x.contains(s.from()))) continue;
            int left = s.isInstant() ? s.left() : s.x(from);
            int right = s.isInstant() ? s.right() : s.x(to);
            html.raw("<rect class=\"" + cls + "\" x=\"" + left + "\" y=\"" + y + "\" width=\"" + Math.max(2, right - left)
                    + "\" height=\"" + (LANE - 6) + "\"><title>")
                    .add(what + " " + MINUTE.format(x.from()) + " to " + (x.to() == null ? "after the evidence" : MINUTE.format(x.to()))
                            + " UTC (" + x.what() + ")")
                    .raw("</title></rect>\n");
        }
    }

    private static String untimed(int count) {
        if (count == 0) return "";
        return count == 1 ? " 1 finding or event has no time and is not drawn; it is in the table."
                : " " + count + " findings or events have no time and are not drawn; they are in the table.";
    }

    /** Lanes in the order of the servers, then of each server's verdict rows, then other chains by name. */
    private static List<String> lanes(List<ServerResult> results, List<HtmlFindingsTable.Row> timed) {
        Map<String, Boolean> used = new LinkedHashMap<>();
        for (HtmlFindingsTable.Row r : timed) used.put(lane(r.event()), true);
        List<String> lanes = new ArrayList<>();
        for (ServerResult result : results) {
            for (Verdict v : result.verdicts()) {
                String lane = result.server() + " · " + v.row();
                if (used.containsKey(lane) && !lanes.contains(lane)) lanes.add(lane);
            }
        }
        used.keySet().stream().filter(l -> !lanes.contains(l)).sorted().forEach(lanes::add);
        return lanes;
    }

    private static String lane(TimelineEvent e) {
        return e.server() + " · " + HtmlFindingsTable.chain(e.finding());
    }

    private static void legend(Html html) {
        int x = LABEL_WIDTH;
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            html.raw("<circle class=\"key sev-" + s.label() + "\" cx=\"" + (x + 6) + "\" cy=\"14\" r=\"5\"/>"
                    + "<text class=\"legend\" x=\"" + (x + 15) + "\" y=\"18\">" + s.label() + "</text>");
            x += 110;
        }
        html.raw("\n");
    }

    /**
     * The axis line, a gap mark at each break, and per segment a label at its start and end (one label for a
     * segment that is a single instant): the date, and under it the time when the segment is shorter than a
     * month.
     */
    private static void axis(Html html, TimeAxis axis, int y) {
        List<TimeAxis.Segment> segments = axis.segments();
        for (int i = 0; i < segments.size(); i++) {
            TimeAxis.Segment s = segments.get(i);
            html.raw("<line class=\"axis\" x1=\"" + s.left() + "\" y1=\"" + y + "\" x2=\"" + s.right() + "\" y2=\"" + y
                    + "\"/>\n");
            if (i > 0) {
                int mid = segments.get(i - 1).right() + TimeAxis.BREAK_WIDTH / 2;
                html.raw("<rect class=\"break\" x=\"" + (mid - 5) + "\" y=\"" + TOP + "\" width=\"10\" height=\"" + (y - TOP + 6)
                        + "\"/><text class=\"tick\" x=\"" + mid + "\" y=\"" + (y + 4) + "\" text-anchor=\"middle\">≈</text>\n");
            }
            boolean detailed = Duration.between(s.from(), s.to()).compareTo(Duration.ofDays(30)) <= 0;
            if (s.isInstant()) {
                tick(html, s.x(s.from()), y, "middle", s.from(), detailed);
            } else {
                tick(html, s.left(), y, "start", s.from(), detailed);
                tick(html, s.right(), y, "end", s.to(), detailed);
            }
        }
        html.raw("<text class=\"tick\" x=\"8\" y=\"" + (y + 20) + "\">").add("UTC").raw("</text>\n");
    }

    private static void tick(Html html, int x, int y, String anchor, Instant t, boolean withTime) {
        html.raw("<line class=\"grid\" x1=\"" + x + "\" y1=\"" + TOP + "\" x2=\"" + x + "\" y2=\"" + (y + 5) + "\"/>"
                + "<text class=\"tick\" x=\"" + x + "\" y=\"" + (y + 18) + "\" text-anchor=\"" + anchor + "\">")
                .add(DAY.format(t)).raw("</text>");
        if (withTime) {
            html.raw("<text class=\"tick\" x=\"" + x + "\" y=\"" + (y + 32) + "\" text-anchor=\"" + anchor + "\">")
                    .add(SECOND.format(t)).raw("</text>");
        }
        html.raw("\n");
    }

    private static void dot(Html html, HtmlFindingsTable.Row r, int[] at) {
        TimelineEvent e = r.event();
        boolean linked = e.depth() > 0;
        html.raw("<circle class=\"dot sev-" + e.finding().severity().label() + (linked ? " linked" : "")
                + "\" cx=\"" + at[0] + "\" cy=\"" + at[1] + "\" r=\"" + (linked ? 4 : 7) + "\" data-row=\""
                + r.id() + "\"><title>")
                .add(IsoTime.format(e.finding().time()) + "  [" + e.finding().severity().label()
                        + "] " + (linked ? "linked: " : "") + e.finding().title() + "\n" + e.finding().source())
                .raw("</title></circle>\n");
    }

    private static String rect(int x, int y, int w, int h, String cls) {
        return "<rect class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\"/>\n";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
