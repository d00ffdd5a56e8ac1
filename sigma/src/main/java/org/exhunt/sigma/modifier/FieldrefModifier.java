package org.exhunt.sigma.modifier;

import java.util.List;
import org.exhunt.sigma.detection.Evaluation;
import org.exhunt.sigma.detection.FieldRef;
import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.prefilter.Need;
import org.exhunt.sigma.value.SigmaValue;

/**
 * {@code fieldref}: the value names another field of the same record, compared with this one (equal by default,
 * or {@code contains}, {@code startswith}, {@code endswith}; case-insensitive unless {@code cased}).
 */
final class FieldrefModifier {

    private FieldrefModifier() {}

    static final List<Modifier> ALL = List.of(Modifier.of("fieldref", c -> c.fieldref = true));

    private enum Mode { EQUALS, CONTAINS, STARTSWITH, ENDSWITH }

    static ValueTest test(SigmaValue v, ValueChain chain) throws ModifierException {
        if (!(v instanceof SigmaValue.Str s) || s.pattern().hasWildcards()) {
            throw new ModifierException("'fieldref' takes a field name, not " + v);
        }
        String type = chain.typeName();
        Mode mode = type == null ? Mode.EQUALS : switch (type) {
            case "contains" -> Mode.CONTAINS;
            case "startswith" -> Mode.STARTSWITH;
            case "endswith" -> Mode.ENDSWITH;
            default -> throw new ModifierException("'fieldref' cannot be combined with '" + type + "'");
        };
        return new RefTest(chain.field(s.raw()), mode, chain.cased);
    }

    private record RefTest(FieldRef other, Mode mode, boolean cased) implements ValueTest {
        @Override
        public boolean test(String value, String folded, Evaluation ev) {
            String mine = cased ? value : folded;
            List<String> theirs = ev.values(other);
            String[] theirsFolded = ev.folded(other);
            for (int i = 0; i < theirsFolded.length; i++) {
                String t = cased ? theirs.get(i) : theirsFolded[i];
                boolean hit = switch (mode) {
                    case EQUALS -> mine.equals(t);
                    case CONTAINS -> mine.contains(t);
                    case STARTSWITH -> mine.startsWith(t);
                    case ENDSWITH -> mine.endsWith(t);
                };
                if (hit) return true;
            }
            return false;
        }

        @Override
        public Need need() {
            return Need.ALWAYS;
        }
    }
}
