package org.exhunt.sigma.modifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The registry of value modifiers, by name. */
public final class Modifiers {

    private static final Map<String, Modifier> BY_NAME = register(
            StringModifiers.ALL,
            GenericModifiers.ALL,
            RegexModifiers.ALL,
            EncodingModifiers.ALL,
            WindashModifier.ALL,
            NumericModifiers.ALL,
            TimeModifiers.ALL,
            CidrModifier.ALL,
            FieldrefModifier.ALL,
            ExpandModifier.ALL);

    private Modifiers() {}

    @SafeVarargs
    private static Map<String, Modifier> register(List<Modifier>... groups) {
        Map<String, Modifier> m = new LinkedHashMap<>();
        Stream.of(groups).flatMap(List::stream).forEach(mod -> {
            if (m.put(mod.name(), mod) != null) throw new IllegalStateException("modifier twice: " + mod.name());
        });
        return m;
    }

    /** The modifier with this name, or {@code null}. */
    public static Modifier get(String name) {
        return BY_NAME.get(name);
    }

    public static Iterable<String> names() {
        return BY_NAME.keySet();
    }
}
