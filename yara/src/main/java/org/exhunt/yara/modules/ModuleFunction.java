package org.exhunt.yara.modules;

/**
 * The code of a module function. Arguments arrive already evaluated and defined: {@code Long} for
 * integers and booleans, {@code Double}, {@code byte[]} for strings, {@code CompiledRegex} for regexes.
 * Returns a {@code Long}, {@code Double} or {@code byte[]}, or null when the result is undefined.
 */
@FunctionalInterface
public interface ModuleFunction {

    Object call(Object[] arguments, ModuleContext context);
}
