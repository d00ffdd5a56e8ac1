package org.exhunt.sigma.modifier;

import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.value.SigmaValue;

/** What a type modifier contributes: how one final value becomes a {@link ValueTest}. */
@FunctionalInterface
public interface TestBuilder {

    ValueTest build(SigmaValue value, ValueChain chain) throws ModifierException;
}
