package org.exhunt.sigma;

import org.exhunt.sigma.detection.Matcher;
import org.exhunt.sigma.rule.SigmaRule;

/** A rule compiled for one kind of record; {@code index} is its number in the whole rule set. */
record CompiledRule(SigmaRule rule, int index, Matcher matcher) {}
