/**
 * Compiled conditions: a tree of {@link org.exhunt.yara.condition.Node}s evaluated against an {@link
 * org.exhunt.yara.condition.EvalContext} after the string search. Values follow libyara's virtual machine:
 * integers and booleans are {@code long}s with the sentinel {@link org.exhunt.yara.condition.Values#UNDEFINED},
 * floats are {@code double}s whose undefined value has the same bits, strings are {@code byte[]} (null when
 * undefined). Arithmetic on undefined is undefined; {@code and}/{@code or} treat undefined as false;
 * {@code not} keeps it undefined; a rule whose condition ends undefined does not match.
 */
package org.exhunt.yara.condition;
