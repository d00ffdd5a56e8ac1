/**
 * YARA's own regular-expression dialect, on bytes: {@link org.exhunt.yara.regex.RegexParser} and
 * {@link org.exhunt.yara.regex.HexParser} turn a regex or a hex string into the same {@link
 * org.exhunt.yara.regex.RegexNode} tree; {@link org.exhunt.yara.regex.RegexEmitter} compiles the tree twice,
 * forwards and backwards, into a {@link org.exhunt.yara.regex.Program}; {@link org.exhunt.yara.regex.PikeVm}
 * and {@link org.exhunt.yara.regex.FastHexVm} run a program at a position of the data in linear time.
 *
 * <p>Everything here copies libyara 4.2.3 on purpose, down to its quirks (the order in which fibers are
 * tried, the 4,096-byte scan window, which quantifiers a hex string may use), because the offsets and
 * lengths YARA reports depend on them. {@code java.util.regex} is never used for rule patterns: it works on
 * chars, backtracks, and gives {@code ^}, {@code $}, {@code .} and {@code {,N}} other meanings.
 */
package org.exhunt.yara.regex;
