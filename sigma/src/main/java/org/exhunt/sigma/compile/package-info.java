/**
 * Compiles a rule's detection for one kind of record: search identifiers through the modifiers into matchers,
 * and the condition over them. Entry point: {@link org.exhunt.sigma.compile.DetectionCompiler}.
 */
package org.exhunt.sigma.compile;
