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
 */
final class ConsoleResponse {

    private ConsoleResponse() {}

    static void write(PrintWriter out, List<ServerResult> results) {
        actions(out, results);
        impact(out, results);
    }

    private static void actions(PrintWriter out, List<ServerResult> results) {
        if (results.stream().allMatch(r -> r.facts().actions().isEmpty())) return;
        out.printf("%nWhat to do now%n");
        for (ServerResult r : results) {
            List<Action> steps = r.facts().actions();
            if (steps.isEmpty()) continue;
            if (results.size() > 1) out.println("  " + Printable.visible(r.server()));
            // the step's words only: why each applies, and whose guidance it follows, are in the other formats
            for (Action a : steps) out.printf("  %2d. %s%n", a.order(), Printable.visible(a.text()));
        }
    }

    private static void impact(PrintWriter out, List<ServerResult> results) {
        if (results.stream().allMatch(r -> ImpactWords.of(r.facts()).none())) return;
        out.printf("%nWhat the attackers touched%n");
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
                out.println("    " + (line.confidence() == null ? "" : "[" + line.confidence().label() + "] ")
                        + Printable.visible(line.text()));
            }
        }
    }
}
