package org.exhunt.sigma.mapping;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Record;

/** How a rule's field name reads a record under one mapping. Immutable. */
public sealed interface FieldAccess {

    /** The values the rule sees, in order; empty when the field is absent. */
    List<String> values(Record record);

    /** A deterministic description for dumps. */
    String describe();

    /** The record's own field. */
    record Direct(String field) implements FieldAccess {
        @Override public List<String> values(Record r) { return r.values(field); }
        @Override public String describe() { return field; }
    }

    /**
     * Several record fields joined by a separator, skipping absent ones: IIS {@code cs-uri-stem} and
     * {@code cs-uri-query} give the whole request URI that web rules call {@code cs-uri-query}.
     */
    record Join(List<String> fields, String separator) implements FieldAccess {
        public Join {
            fields = List.copyOf(fields);
        }

        @Override public List<String> values(Record r) {
            StringBuilder s = new StringBuilder();
            boolean any = false;
            for (String f : fields) {
                String v = r.field(f);
                if (v == null) continue;
                if (any) s.append(separator);
                s.append(v);
                any = true;
            }
            return any ? List.of(s.toString()) : List.of();
        }

        @Override public String describe() { return "join(" + String.join(",", fields) + " by '" + separator + "')"; }
    }

    /**
     * A field as logged and, when it differs, with every {@code +} read as a space: IIS writes spaces in
     * header values as {@code +}, while rules quote user agents either way.
     */
    record PlusAsSpace(FieldAccess inner) implements FieldAccess {
        @Override public List<String> values(Record r) {
            List<String> in = inner.values(r);
            List<String> out = new ArrayList<>(in);
            for (String v : in) {
                if (v.indexOf('+') >= 0) out.add(v.replace('+', ' '));
            }
            return out;
        }

        @Override public String describe() { return "plus-as-space(" + inner.describe() + ")"; }
    }
}
