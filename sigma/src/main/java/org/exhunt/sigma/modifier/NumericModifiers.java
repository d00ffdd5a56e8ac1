package org.exhunt.sigma.modifier;

import java.util.List;
import org.exhunt.sigma.detection.Evaluation;
import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.prefilter.Need;
import org.exhunt.sigma.value.Numbers;
import org.exhunt.sigma.value.SigmaValue;

/** {@code lt}, {@code lte}, {@code gt}, {@code gte}: the field read as a number compared with the value. */
final class NumericModifiers {

    private NumericModifiers() {}

    private interface Compare {
        boolean holds(double field, double value);
    }

    static final List<Modifier> ALL = List.of(
            compare("lt", (f, v) -> f < v),
            compare("lte", (f, v) -> f <= v),
            compare("gt", (f, v) -> f > v),
            compare("gte", (f, v) -> f >= v));

    private static Modifier compare(String name, Compare op) {
        TestBuilder builder = (v, chain) -> new CompareTest(number(name, v), op);
        return Modifier.of(name, c -> c.type(name, builder));
    }

    static double number(String modifier, SigmaValue v) throws ModifierException {
        double d = v instanceof SigmaValue.Num n ? n.value()
                : v instanceof SigmaValue.Str s ? Numbers.parse(s.raw()) : Double.NaN;
        if (Double.isNaN(d)) throw new ModifierException("'" + modifier + "' takes a number, not " + v);
        return d;
    }

    private record CompareTest(double value, Compare op) implements ValueTest {
        @Override
        public boolean test(String field, String folded, Evaluation ev) {
            double f = Numbers.parse(field);
            return !Double.isNaN(f) && op.holds(f, value);
        }

        @Override
        public Need need() {
            return Need.ALWAYS;
        }
    }
}
