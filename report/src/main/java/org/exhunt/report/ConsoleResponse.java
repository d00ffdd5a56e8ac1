package org.exhunt.report;

import java.io.PrintWriter;
import java.util.List;
import org.exhunt.core.ServerResult;
import org.exhunt.core.facts.Action;
import org.exhunt.core.facts.Impact;

/**
 * The console's two answers after the verdict table: "What to do now" (each server's steps, numbered), then
 * "What the attackers touched" (each server's impact by section, with how sure each item is). Self-contained: the
 * console report calls it once after the verdict table, and nothing here depends on the rest of its layout.
 * A step is its whole text, wrapped ({@code verbose} adds why it applies and the guidance it follows); an impact item
 * is by default one line of at most {@link #LINE} characters (cut at a word), whole and wrapped with {@code verbose}.
 */
final class ConsoleResponse {

    private static final int LINE = 200;
    /** Where a step's or an item's further lines start: under its text. */
    private static final String INDENT = "      ";

    private ConsoleResponse() {}

    static void write(PrintWriter out, List<ServerResult> results, boolean verbose) {
        actions(out, results, verbose);
        impact(out, results, verbose);
    }

    private static void actions(PrintWriter out, List<ServerResult> results, boolean verbose) {
        if (results.stream().allMatch(r -> r.facts().actions().isEmpty())) return;
        out.printf("%nWhat to do now%s%n", verbose ? "" : " (why each step, and whose guidance: --verbose, or the HTML report)");
        for (ServerResult r : results) {
            List<Action> steps = r.facts().actions();
            if (steps.isEmpty()) continue;
            if (results.size() > 1) out.println("  " + Printable.visible(r.server()));
            for (Action a : steps) {
                List<String> lines = Wrap.lines(Printable.visible(a.text()), LINE - INDENT.length());
                out.printf("  %2d. %s%n", a.order(), lines.get(0));
                for (String more : lines.subList(1, lines.size())) out.println(INDENT + more);
                if (verbose && a.why() != null) {
                    for (String why : Wrap.lines("why: " + Printable.visible(a.why()), LINE - INDENT.length())) {
                        out.println(INDENT + why);
                    }
                }
                if (verbose) {
                    for (String source : a.sources()) out.println(INDENT + "guidance: " + Printable.visible(source));
                }
            }
        }
    }

    private static void impact(PrintWriter out, List<ServerResult> results, boolean verbose) {
        if (results.stream().allMatch(r -> ImpactWords.of(r.facts()).none())) return;
        out.printf("%nWhat the attackers touched%s%n", verbose ? "" : " (each item whole: --verbose, or the HTML report)");
        for (ServerResult r : results) {
            Impact impact = ImpactWords.of(r.facts());
            if (impact.none()) continue;
            if (results.size() > 1) out.println("  " + Printable.visible(r.server()));
            String section = null;
            for (ImpactWords.Line line : ImpactWords.lines(impact)) {
                if (!line.section().equals(section)) {
                    section = line.section();
                    out.println("  " + section + ":");
                }
                String item = (line.confidence() == null ? "" : "[" + line.confidence().label() + "] ")
                        + Printable.visible(line.text());
                if (verbose) {
                    List<String> lines = Wrap.lines(item, LINE - INDENT.length());
                    out.println("    " + lines.get(0));
                    for (String more : lines.subList(1, lines.size())) out.println(INDENT + more);
                } else {
                    out.println(ShortReason.atWord("    " + item, LINE));
                }
            }
        }
    }
}
