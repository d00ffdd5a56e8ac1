package org.exhunt.sigma.modifier;

import java.util.List;

/**
 * Modifiers that change how a list or a test is read, whatever the values: {@code all} (every value must
 * match), {@code cased} (case-sensitive), {@code neq} (the field differs from every value), {@code exists}.
 */
final class GenericModifiers {

    private GenericModifiers() {}

    static final List<Modifier> ALL = List.of(
            Modifier.of("all", c -> c.all = true),
            Modifier.of("cased", c -> c.cased = true),
            Modifier.of("neq", c -> c.negated = true),
            Modifier.of("exists", c -> c.exists = true));
}
