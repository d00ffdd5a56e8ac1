package org.exhunt.yara.scan;

import org.exhunt.yara.compile.CompiledString;

/**
 * What the automaton reports when an atom is found (libyara's {@code YR_AC_MATCH}): the string, how many
 * bytes before the atom's end the verification starts ({@code backtrack}: the atom's length plus its offset
 * in a text string), and the program entries of a regex or hex string.
 */
record AtomMatch(CompiledString string, int backtrack, int forwardEntry, int backwardEntry) {}
