package org.exhunt.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * One piece of what a detector saw: a name saying what it is ({@code sha256}, {@code $a}, {@code line},
 * {@code AnchorMailbox}) and its value as text, already made printable by the detector.
 */
public record Evidence(String name, String value) implements Serializable {

    public Evidence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** A value cut to {@code max} characters, an ellipsis saying so: evidence is attacker-controlled, unbounded text. */
    public static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
