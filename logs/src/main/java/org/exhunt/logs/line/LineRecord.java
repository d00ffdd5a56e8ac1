package org.exhunt.logs.line;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.logs.text.Values;

/**
 * A record read from one log line (or one CSV record spanning lines), kept as the line's bytes plus value
 * bounds: a value becomes a {@code String} only when asked for, once. This is what lets the readers go at
 * disk speed while every field stays available to rules.
 *
 * <p>An empty value (IIS {@code -}, an empty CSV cell) is an absent field: {@link #field} gives null and
 * {@link #fieldNames()} leaves it out.
 */
public final class LineRecord implements Record {

    private final LineLayout layout;
    private final byte[] line;
    private final int[] bounds;     // 2 per value, see CsvSplitter
    private final int count;        // values in the line (may be fewer than the columns)
    private final long number;
    private final Instant time;
    private final boolean ascii;    // no byte above 0x7F: values decode by copying
    private String[] decoded;
    private String raw;
    private List<String[]> expanded;

    public LineRecord(LineLayout layout, byte[] line, int[] bounds, int count, long number, Instant time, boolean ascii) {
        this.layout = layout;
        this.line = line;
        this.bounds = bounds;
        this.count = Math.min(count, layout.columns().size());
        this.number = number;
        this.time = time;
        this.ascii = ascii;
    }

    @Override
    public String field(String name) {
        int i = layout.columns().indexOf(name);
        if (i >= 0) return value(i);
        String c = layout.constant(name);
        if (c != null || layout.expander() == null) return c;
        for (String[] e : expanded()) if (e[0].equalsIgnoreCase(name)) return e[1];
        return null;
    }

    @Override
    public List<String> values(String name) {
        int i = layout.columns().indexOf(name);
        if (i >= 0 || layout.constant(name) != null) return Record.super.values(name);
        List<String> out = new ArrayList<>(1);
        for (String[] e : expanded()) if (e[0].equalsIgnoreCase(name)) out.add(e[1]);
        return out;
    }

    /** The value of column i, or null when it is empty or the line has fewer values. */
    public String value(int i) {
        if (i >= count || Values.absent(bounds, i)) return null;
        if (decoded == null) decoded = new String[count];
        String v = decoded[i];
        if (v == null) decoded[i] = v = Values.decode(line, bounds, i, ascii);
        return v;
    }

    @Override
    public Collection<String> fieldNames() {
        FieldNames cols = layout.columns();
        if (layout.expander() == null) {   // no names can repeat: no set needed
            String[] names = new String[count + layout.constants().size()];
            int k = 0;
            for (int i = 0; i < count; i++) if (!Values.absent(bounds, i)) names[k++] = cols.name(i);
            for (String[] c : layout.constants()) names[k++] = c[0];
            return Arrays.asList(names).subList(0, k);
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) if (!Values.absent(bounds, i)) names.add(cols.name(i));
        for (String[] c : layout.constants()) names.add(c[0]);
        for (String[] e : expanded()) {
            if (cols.indexOf(e[0]) < 0 && layout.constant(e[0]) == null
                    && names.stream().noneMatch(n -> n.equalsIgnoreCase(e[0]))) names.add(e[0]);
        }
        return names;
    }

    @Override
    public String raw() {
        if (raw == null) raw = new String(line, StandardCharsets.UTF_8);
        return raw;
    }

    @Override
    public Instant time() {
        return time;
    }

    @Override
    public SourceRef source() {
        return SourceRef.line(layout.file(), number);
    }

    @Override
    public String type() {
        return layout.type();
    }

    private List<String[]> expanded() {
        if (expanded == null) {
            if (layout.expander() == null) {
                expanded = List.of();
            } else {
                List<String[]> out = new ArrayList<>();
                layout.expander().expand(this, (k, v) -> out.add(new String[] {k, v}));
                expanded = out;
            }
        }
        return expanded;
    }

    @Override
    public String toString() {
        return type() + " " + source();
    }
}
