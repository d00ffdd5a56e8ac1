package org.exhunt.sigma.modifier;

/** One value modifier: a name and what it does to the chain being built. */
public interface Modifier {

    String name();

    void apply(ValueChain chain) throws ModifierException;

    /** A modifier from a name and an action. */
    static Modifier of(String name, Action action) {
        return new Modifier() {
            @Override public String name() { return name; }
            @Override public void apply(ValueChain chain) throws ModifierException { action.apply(chain); }
            @Override public String toString() { return name; }
        };
    }

    /** The action of a modifier. */
    @FunctionalInterface
    interface Action {
        void apply(ValueChain chain) throws ModifierException;
    }
}
