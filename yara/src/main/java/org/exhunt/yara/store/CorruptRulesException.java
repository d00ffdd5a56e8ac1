package org.exhunt.yara.store;

import java.io.IOException;

/** A compiled-rules file that is damaged, truncated, from another format version, or not one at all. */
public final class CorruptRulesException extends IOException {

    private static final long serialVersionUID = 1L;

    public CorruptRulesException(String message) {
        super(message);
    }
}
