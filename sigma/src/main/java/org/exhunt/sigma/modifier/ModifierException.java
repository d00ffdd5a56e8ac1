package org.exhunt.sigma.modifier;

/** A modifier or value that cannot be used as written; the rule is not loaded. */
public final class ModifierException extends Exception {

    public ModifierException(String message) {
        super(message);
    }
}
