package org.exhunt.hunt.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a response step applies: alternatives separated by {@code |}, each a conjunction of conditions joined by
 * {@code +}, a condition negated by a leading {@code !}; a condition is a name, or a name and an argument after a colon
 * ({@code vulnerable:ProxyShell/CVE-2020-0688}). {@code otherwise} stands alone: the step applies when no other does.
 */
final class Condition {

    /** The names a condition may have, with an argument (rows separated by {@code /}) or without. */
    static final Set<String> NAMES = Set.of("compromised", "attempted", "vulnerable", "cannot-tell", "unknown-build",
            "update", "files", "dumps", "credentials", "persistence", "mailboxes", "scope", "sent", "otherwise");
    static final Set<String> WITH_ARGUMENT = Set.of("vulnerable");

    /** One condition. */
    record Atom(String name, String argument, boolean negated) {}

    private final List<List<Atom>> alternatives;

    private Condition(List<List<Atom>> alternatives) {
        this.alternatives = alternatives;
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static Condition parse(String text) {
        List<List<Atom>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|", -1)) {
            List<Atom> atoms = new ArrayList<>();
            for (String part : alternative.split("\\+", -1)) {
                String p = part.strip();
                boolean negated = p.startsWith("!");
                if (negated) p = p.substring(1).strip();
                int colon = p.indexOf(':');
                String name = colon < 0 ? p : p.substring(0, colon);
                String argument = colon < 0 ? null : p.substring(colon + 1).strip();
                if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown condition '" + p + "'");
                if (argument != null && (!WITH_ARGUMENT.contains(name) || argument.isEmpty())) {
                    throw new IllegalArgumentException("condition '" + name + "' takes no argument '" + argument + "'");
                }
                atoms.add(new Atom(name, argument, negated));
            }
            alternatives.add(atoms);
        }
        boolean otherwise = alternatives.stream().flatMap(List::stream).anyMatch(a -> a.name().equals("otherwise"));
        if (otherwise && (alternatives.size() > 1 || alternatives.get(0).size() > 1 || alternatives.get(0).get(0).negated())) {
            throw new IllegalArgumentException("'otherwise' stands alone");
        }
        return new Condition(alternatives);
    }

    boolean otherwise() {
        return alternatives.get(0).get(0).name().equals("otherwise");
    }

    /** The conditions of the first alternative that holds (for the step's why), or null when none does. */
    List<Atom> holding(ServerState state) {
        for (List<Atom> atoms : alternatives) {
            if (atoms.stream().allMatch(a -> state.holds(a.name(), a.argument()) != a.negated())) return atoms;
        }
        return null;
    }
}
