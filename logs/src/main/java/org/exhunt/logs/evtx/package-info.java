/**
 * A streaming reader of Windows XML event logs ({@code .evtx}), written from the format's public
 * description (libyal's "Windows XML Event Log (EVTX)" and [MS-EVEN6] binary XML).
 *
 * <p>The pipeline, one file per stage: {@link org.exhunt.logs.evtx.EvtxReader} is the
 * {@link org.exhunt.logs.LogReader}; {@code EvtxStream} reads the {@code FileHeader} and then one 64 KiB
 * chunk at a time; {@code ChunkReader} walks a chunk's records (and, on request, its slack space);
 * {@code BinXmlParser} turns a record's binary XML into {@code Node}s, with templates and names cached per
 * chunk in {@code ChunkContext}; {@code ValueDecoder} turns substitution values into text rendered as the
 * Rust {@code evtx} crate's {@code evtx_dump} renders them ({@code ValueText}); {@code TreeWalker}
 * instantiates templates and expands arrays, feeding {@code FieldCollector} (the record's fields, named as
 * in docs/record-fields.md) and, on demand, {@code XmlWriter} (the event as XML, the record's raw text).
 *
 * <p>Damage is expected: a bad checksum, a dirty header or a wrong chunk count is reported and reading
 * goes on; a record that cannot be parsed is skipped with a positioned diagnostic, never the whole file.
 * Memory stays flat: one chunk is held at a time.
 */
package org.exhunt.logs.evtx;
