package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

import java.util.Map;
import org.exhunt.yara.modules.ObjectValue;

/**
 * {@code for <quantifier> <vars> in <iterator> : (<body>)} and {@code for <quantifier> of <strings> :
 * (<body>)}, evaluated as libyara's loop code: the body's value is added to a running count when defined;
 * the loop stops early once its outcome is known (a false body for {@code all}, a true one for
 * {@code none}, enough true ones otherwise); a loop that ran zero times is false.
 */
public final class Loops {

    private Loops() {}

    /** Running state of one loop evaluation. */
    private static final class Tally {
        final long quantifier;
        long trueCount;
        long iterations;

        Tally(long quantifier) {
            this.quantifier = quantifier;
        }

        /** Records one body value; returns whether the loop should go on. */
        boolean record(long body) {
            iterations++;
            boolean goOn;
            if (quantifier == UNDEFINED) goOn = body != 0;
            else if (quantifier == 0) goOn = body != 1;
            else goOn = trueCount + body < quantifier;
            if (body != UNDEFINED) trueCount += body;
            return goOn;
        }

        long result() {
            if (iterations == 0) return 0;
            if (quantifier == UNDEFINED) return Values.of(trueCount == iterations);
            if (quantifier == 0) return Values.of(trueCount == 0);
            return Values.of(trueCount >= quantifier);
        }
    }

    /** {@code for q i in (from..to)}. */
    public static final class OverRange extends Node {
        private final Node quantifier;
        private final Node from;
        private final Node to;
        private final int slot;
        private final Node body;

        public OverRange(Node quantifier, Node from, Node to, int slot, Node body) {
            super(ExprType.BOOLEAN, quantifier, from, to, body);
            this.quantifier = quantifier;
            this.from = from;
            this.to = to;
            this.slot = slot;
            this.body = body;
        }

        @Override
        public long evalInt(EvalContext c) {
            Tally t = new Tally(quantifier.evalBool(c));
            long next = from.evalInt(c);
            long last = to.evalInt(c);
            while (next != UNDEFINED && last != UNDEFINED && next <= last) {
                c.deadline.tick();
                c.vars[slot] = next++;
                if (!t.record(body.evalBool(c))) break;
            }
            return t.result();
        }
    }

    /** {@code for q i in (a, b, c)}: the items are evaluated once, before the loop. */
    public static final class OverEnumeration extends Node {
        private final Node quantifier;
        private final Node[] items;
        private final int slot;
        private final Node body;

        public OverEnumeration(Node quantifier, Node[] items, int slot, Node body) {
            super(ExprType.BOOLEAN, Node.with(items, quantifier, body));
            this.quantifier = quantifier;
            this.items = items;
            this.slot = slot;
            this.body = body;
        }

        @Override
        public long evalInt(EvalContext c) {
            long q = quantifier.evalBool(c);
            long[] values = new long[items.length];
            for (int i = 0; i < items.length; i++) values[i] = items[i].evalInt(c);
            Tally t = new Tally(q);
            for (long v : values) {
                c.deadline.tick();
                c.vars[slot] = v;
                if (!t.record(body.evalBool(c))) break;
            }
            return t.result();
        }
    }

    /** {@code for q item in module.array}: the item is in {@code objects[slot]} (null when missing). */
    public static final class OverArray extends Node {
        private final Node quantifier;
        private final Node array;
        private final int slot;
        private final Node body;

        public OverArray(Node quantifier, Node array, int slot, Node body) {
            super(ExprType.BOOLEAN, quantifier, array, body);
            this.quantifier = quantifier;
            this.array = array;
            this.slot = slot;
            this.body = body;
        }

        @Override
        public long evalInt(EvalContext c) {
            Tally t = new Tally(quantifier.evalBool(c));
            if (array.evalObject(c) instanceof ObjectValue.Array a) {
                for (int i = 0; i < a.size(); i++) {
                    c.deadline.tick();
                    c.objects[slot] = a.get(i);
                    if (!t.record(body.evalBool(c))) break;
                }
            }
            return t.result();
        }
    }

    /** {@code for q key, value in module.dict}: key and value in {@code objects[slot]} and {@code [slot+1]}. */
    public static final class OverDict extends Node {
        private final Node quantifier;
        private final Node dict;
        private final int slot;
        private final Node body;

        public OverDict(Node quantifier, Node dict, int slot, Node body) {
            super(ExprType.BOOLEAN, quantifier, dict, body);
            this.quantifier = quantifier;
            this.dict = dict;
            this.slot = slot;
            this.body = body;
        }

        @Override
        public long evalInt(EvalContext c) {
            Tally t = new Tally(quantifier.evalBool(c));
            if (dict.evalObject(c) instanceof ObjectValue.Dict d) {
                for (Map.Entry<String, Object> e : d.items().entrySet()) {
                    c.deadline.tick();
                    c.objects[slot] = e.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    c.objects[slot + 1] = e.getValue();
                    if (!t.record(body.evalBool(c))) break;
                }
            }
            return t.result();
        }
    }

    /** {@code for q of ($a*) : (...)}: the current string's index is in {@code vars[slot]}. */
    public static final class OverStrings extends Node {
        private final Node quantifier;
        private final int[] strings;
        private final int slot;
        private final Node body;

        public OverStrings(Node quantifier, int[] strings, int slot, Node body) {
            super(ExprType.BOOLEAN, quantifier, body);
            this.quantifier = quantifier;
            this.strings = strings;
            this.slot = slot;
            this.body = body;
        }

        @Override
        public long evalInt(EvalContext c) {
            Tally t = new Tally(quantifier.evalBool(c));
            for (int s : strings) {
                c.deadline.tick();
                c.vars[slot] = s;
                if (!t.record(body.evalBool(c))) break;
            }
            return t.result();
        }
    }

    /** An integer loop variable. */
    public static final class IntVariable extends Node {
        private final int slot;

        public IntVariable(int slot) {
            super(ExprType.INTEGER);
            this.slot = slot;
        }

        @Override
        public long evalInt(EvalContext c) {
            return c.vars[slot];
        }
    }

    /** A loop variable holding a module object, or a dictionary key (a string). */
    public static final class ObjectVariable extends Node {
        private final int slot;

        public ObjectVariable(ExprType type, int slot) {
            super(type);
            this.slot = slot;
        }

        @Override
        public Object evalObject(EvalContext c) {
            return c.objects[slot];
        }

        @Override
        public byte[] evalString(EvalContext c) {
            return (byte[]) c.objects[slot];
        }
    }
}
