package org.exhunt.hunt.response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.CsvLine;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.Action;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.Impact;
import org.exhunt.core.facts.RowTimeline;

/**
 * The response steps of the rule pack ({@value #FILE}), and the steps that apply to one server: each step whose
 * condition holds, in the steps' order, its text filled with the server's subjects (files, accounts, builds,
 * mailboxes), with why it applies and whose guidance it follows. The steps are data, so that responders can read and
 * amend them; a step that does not read is left out, and said so.
 */
public final class ResponseSteps {

    /** The steps' file in the rule pack. */
    public static final String FILE = "response/steps.csv";

    private static final List<String> HEADER = List.of("id", "order", "when", "subjects", "text", "source");
    private static final Set<String> PLACEHOLDERS = Set.of("server", "subjects", "since", "list-with");
    private static final Set<String> SUBJECTS = Set.of("files", "dumps", "accounts", "builds", "mailboxes", "addresses",
            "persistence", "sent", "cannot-tell");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    /** One step as the file gives it. */
    record Step(String id, int order, Condition when, String subjects, String text, List<String> sources) {}

    /** No steps: a pack without the file. */
    public static final ResponseSteps NONE = new ResponseSteps(List.of());

    private final List<Step> steps;

    private ResponseSteps(List<Step> steps) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(Step::order)).toList();
    }

    /** The steps of a file's text; lines that do not read are reported to {@code problems} and left out. */
    public static ResponseSteps parse(String file, String text, Consumer<Diagnostic> problems) {
        List<Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] lines = text.split("\r?\n");
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            SourceRef where = SourceRef.line(file, i + 1);
            List<String> cells = CsvLine.split(line);
            if (!header) {
                if (!HEADER.equals(cells)) {
                    problems.accept(Diagnostic.error("rules.invalid", where, "the header must be " + String.join(",", HEADER)
                            + ": no response step read"));
                    return NONE;
                }
                header = true;
                continue;
            }
            try {
                Step s = step(cells);
                if (!ids.add(s.id())) throw new IllegalArgumentException("step " + s.id() + " is given twice");
                steps.add(s);
            } catch (IllegalArgumentException e) {
                problems.accept(Diagnostic.error("rules.invalid", where, "response step not read: " + e.getMessage()));
            }
        }
        return new ResponseSteps(steps);
    }

    private static Step step(List<String> cells) {
        if (cells == null || cells.size() != HEADER.size()) {
            throw new IllegalArgumentException("a line needs " + HEADER.size() + " fields (" + String.join(",", HEADER) + ")");
        }
        String id = cells.get(0).strip();
        if (id.isEmpty()) throw new IllegalArgumentException("no id");
        int order;
        try {
            order = Integer.parseInt(cells.get(1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("order '" + cells.get(1) + "' is not a number");
        }
        Condition when = Condition.parse(cells.get(2));
        String subjects = cells.get(3).strip();
        if (!subjects.isEmpty() && !SUBJECTS.contains(subjects) && !subjects.startsWith("vulnerable:")) {
            throw new IllegalArgumentException("unknown subjects '" + subjects + "'");
        }
        String text = cells.get(4).strip();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "}");
            if (m.group(1).equals("subjects") && subjects.isEmpty()) {
                throw new IllegalArgumentException("{subjects} in a step that names no subjects");
            }
        }
        List<String> sources = List.of(cells.get(5).strip().split("\\s+"));
        for (String s : sources) {
            if (!s.startsWith("https://")) throw new IllegalArgumentException("source '" + s + "' is not an https URL");
        }
        return new Step(id, order, when, subjects, text, sources);
    }

    /** The ids of the steps, in order. */
    public List<String> ids() {
        return steps.stream().map(Step::id).toList();
    }

    /**
     * The steps that apply to a server, in order.
     *
     * @param server    the server as the scan names it
     * @param build     its build and update path, or null
     * @param impact    what the attackers touched
     * @param timelines the rows' timelines (files left behind, the attackers' addresses)
     */
    public List<Action> plan(String server, List<Verdict> verdicts, BuildFacts build, Impact impact,
                             List<RowTimeline> timelines) {
        ServerState state = new ServerState(server, verdicts, build, impact, timelines);
        List<Action> out = new ArrayList<>();
        for (boolean otherwise : new boolean[] {false, true}) {
            if (otherwise && !out.isEmpty()) break;
            for (Step s : steps) {
                if (s.when().otherwise() != otherwise) continue;
                List<Condition.Atom> holding = otherwise ? List.of(new Condition.Atom("otherwise", null, false))
                        : s.when().holding(state);
                if (holding == null) continue;
                List<String> subjects = s.subjects().isEmpty() ? List.of() : state.subjects(s.subjects());
                if (!s.subjects().isEmpty() && subjects.isEmpty()) continue;
                String why = String.join("; ", holding.stream().filter(a -> !a.negated()).map(state::describe).toList());
                out.add(new Action(out.size() + 1, s.id(), text(s, state, subjects),
                        s.subjects().isEmpty() ? null : ServerState.kind(s.subjects()), subjects, why, s.sources()));
            }
        }
        return out;
    }

    private static String text(Step s, ServerState state, List<String> subjects) {
        Matcher m = PLACEHOLDER.matcher(s.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "server" -> state.server();
                case "subjects" -> state.words(s.subjects(), subjects);
                case "since" -> state.since();
                case "list-with" -> state.listWith();
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
