/**
 * Scanning: one pass of one {@link org.exhunt.yara.scan.Automaton} (Aho-Corasick over the atoms of every
 * string of every rule) over the data; each atom found is verified where it lies ({@link
 * org.exhunt.yara.scan.Verifier}: a direct comparison for literals, the regex programs forwards and backwards
 * otherwise); then the rules' conditions are evaluated in order ({@link org.exhunt.yara.scan.ScanEngine}).
 * This is libyara's {@code scanner.c}/{@code scan.c} design, which is what makes the reported matches equal
 * to YARA's.
 */
package org.exhunt.yara.scan;
