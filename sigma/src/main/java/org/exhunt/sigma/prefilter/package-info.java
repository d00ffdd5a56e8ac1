/**
 * The literal prefilter. Every compiled rule states a {@link org.exhunt.sigma.prefilter.Need}: literals one of
 * which must occur (folded) in the record's values for the rule to possibly match. The literals of all rules
 * of a log source go into one Aho-Corasick {@link org.exhunt.sigma.prefilter.LiteralAutomaton}, so a record is
 * scanned once and only the rules whose literal occurred are evaluated.
 */
package org.exhunt.sigma.prefilter;
