package org.exhunt.sigma.yaml;

import java.util.ArrayList;
import java.util.List;

/** Reading plain values out of nodes, as rule documents use them: absent and {@code null} read as nothing. */
public final class Scalars {

    private Scalars() {}

    /** A scalar's text, or null for anything else. */
    public static String text(YNode n) {
        return n instanceof YNode.YScalar s && !s.isNull() ? s.text() : null;
    }

    /** A scalar as a one-item list, or the scalars of a list; empty for anything else. */
    public static List<String> strings(YNode n) {
        List<String> out = new ArrayList<>();
        if (n instanceof YNode.YScalar s && !s.isNull()) out.add(s.text());
        if (n instanceof YNode.YList l) {
            for (YNode i : l.items()) {
                if (i instanceof YNode.YScalar s && !s.isNull()) out.add(s.text());
            }
        }
        return out;
    }
}
