/**
 * Byte-level text primitives the log readers share: line splitting with positions and bounded memory
 * ({@link org.exhunt.logs.text.LineSource}), CSV value bounds ({@link org.exhunt.logs.text.CsvSplitter}),
 * lazy value decoding, UTF-8 checks and timestamp parsing. Nothing here allocates per value unless a value is
 * asked for.
 */
package org.exhunt.logs.text;
