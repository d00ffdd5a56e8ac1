/**
 * What one scan reads and how long it may take: the scanned bytes ({@link org.exhunt.yara.data.ScanData}),
 * which every part of the engine from the automaton to the modules reads through this one type, and the
 * {@link org.exhunt.yara.data.Deadline} that every loop of the engine checks as it goes.
 */
package org.exhunt.yara.data;
