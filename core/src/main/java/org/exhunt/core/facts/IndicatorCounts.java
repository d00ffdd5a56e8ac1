package org.exhunt.core.facts;

import java.io.Serializable;

/** How many indicators of each kind a set holds: of files (hashes, names, folders), client addresses and URLs. */
public record IndicatorCounts(long files, long addresses, long urls) implements Serializable {}
