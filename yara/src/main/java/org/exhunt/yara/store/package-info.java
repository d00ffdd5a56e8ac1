/**
 * The compiled-rules file, like yarac's: writing compiled rules once and loading them in place of the
 * sources, so that repeated sweeps skip the costly parts of compilation. The file holds the sources (rule
 * conditions are compiled again on load, which is quick and exact) with what is costly to compute from them:
 * every string's atoms and programs, and the Aho-Corasick automaton. Loading checks what it reads, so a
 * damaged or hostile file is reported as corrupt, never run.
 */
package org.exhunt.yara.store;
