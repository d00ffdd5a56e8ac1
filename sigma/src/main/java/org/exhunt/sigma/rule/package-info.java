/**
 * Sigma rule documents: {@link org.exhunt.sigma.rule.RuleParser} checks a YAML document's structure and reads
 * it into a {@link org.exhunt.sigma.rule.SigmaRule} (metadata, log source, the detection still as YAML).
 */
package org.exhunt.sigma.rule;
