package org.exhunt.hunt;

import java.io.Serializable;

/**
 * A log file a scan reads: where it is ({@link org.exhunt.core.SourceRef#file}, unique among a server's files) and
 * how large, for a run that reads a big server's logs on several machines ({@link Hunt#readLogs}).
 */
public record LogFile(String file, long size) implements Serializable {}
