package org.exhunt.yara.modules;

import java.util.Map;

/** The modules exhunt knows, by import name: one line per module. */
public final class Modules {

    private Modules() {}

    private static final Map<String, Module> ALL = Map.of(
            "math", new MathModule(),
            "hash", new HashModule(),
            "pe", new PeModule());

    /** The module imported as {@code name}, or null. */
    public static Module get(String name) {
        return ALL.get(name);
    }
}
