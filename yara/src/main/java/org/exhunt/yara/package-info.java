/**
 * A YARA 4.2-compatible engine in pure Java. Compile once with a {@link org.exhunt.yara.YaraCompiler} into
 * immutable, thread-safe {@link org.exhunt.yara.CompiledRules}; scan with a light {@link
 * org.exhunt.yara.Scanner} per thread (external values, timeout, fast mode), which returns a {@link
 * org.exhunt.yara.ScanResult} of {@link org.exhunt.yara.RuleMatch}es and {@link org.exhunt.yara.StringMatch}es.
 * Compile problems are {@link org.exhunt.yara.CompileDiagnostic}s with a position and a stable {@link
 * org.exhunt.yara.ErrorCode}. Results are meant to equal {@code yara} 4.2.3's, offsets and lengths included.
 *
 * <p>Pipeline: {@code syntax} (text to trees) → {@code compile} (types, strings, atoms) → {@code scan}
 * (Aho-Corasick, verification, conditions); {@code regex} is YARA's pattern dialect, {@code condition} the
 * evaluated expressions, {@code modules} the {@code import}-able modules.
 */
package org.exhunt.yara;
