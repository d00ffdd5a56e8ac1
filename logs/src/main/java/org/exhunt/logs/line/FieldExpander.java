package org.exhunt.logs.line;

import java.util.function.BiConsumer;
import org.exhunt.core.Record;

/** Extra fields packed inside a record's values, expanded only when a field is asked for that no column has. */
@FunctionalInterface
public interface FieldExpander {

    /** Passes each packed name and value to {@code out}, in order; a name may come more than once. */
    void expand(Record record, BiConsumer<String, String> out);
}
