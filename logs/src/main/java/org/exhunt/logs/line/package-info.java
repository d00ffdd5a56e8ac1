/**
 * Records backed by one log line: {@link org.exhunt.logs.line.LineRecord} keeps the line's bytes and value
 * bounds and decodes a value only when a rule asks for it; {@link org.exhunt.logs.line.LineLayout} is what
 * the records of one header block share (columns, added fields, packed-field expansion).
 */
package org.exhunt.logs.line;
