/**
 * From rule trees to what the scanner runs: {@link org.exhunt.yara.compile.RuleCompiler} checks names and
 * types and builds each rule's condition ({@link org.exhunt.yara.compile.ConditionCompiler}) and strings
 * ({@link org.exhunt.yara.compile.StringCompiler}); {@link org.exhunt.yara.compile.Atoms} picks the short
 * byte sequences ("atoms") the Aho-Corasick automaton looks for, with libyara's quality heuristic, since the
 * atom a regex is found by decides which of its matches YARA reports.
 */
package org.exhunt.yara.compile;
