package org.exhunt.cli;

/** {@code --color}: when the console report is coloured. */
enum ColorMode {
    auto, always, never;

    /** Whether to colour: always, never, or on a terminal that has not asked for none (NO_COLOR, TERM=dumb). */
    boolean wanted() {
        return switch (this) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
