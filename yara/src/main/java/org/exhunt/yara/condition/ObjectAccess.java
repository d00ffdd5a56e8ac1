package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

import java.nio.charset.StandardCharsets;
import org.exhunt.yara.modules.Declaration;
import org.exhunt.yara.modules.ObjectValue;

/**
 * Module data and external variables: loading a module's root, fields, array items, dictionary entries,
 * function calls, and reading a leaf's value. Anything missing is undefined.
 */
public final class ObjectAccess {

    private ObjectAccess() {}

    public static final class ModuleRoot extends Node {
        private final int slot;

        public ModuleRoot(int slot) {
            super(ExprType.OBJECT);
            this.slot = slot;
        }

        @Override
        public Object evalObject(EvalContext c) {
            return c.moduleRoot(slot);
        }
    }

    public static final class Field extends Node {
        private final Node object;
        private final String name;

        public Field(Node object, String name) {
            super(ExprType.OBJECT, object);
            this.object = object;
            this.name = name;
        }

        @Override
        public Object evalObject(EvalContext c) {
            return object.evalObject(c) instanceof ObjectValue.Struct s ? s.get(name) : null;
        }
    }

    public static final class ArrayItem extends Node {
        private final Node array;
        private final Node index;

        public ArrayItem(Node array, Node index) {
            super(ExprType.OBJECT, array, index);
            this.array = array;
            this.index = index;
        }

        @Override
        public Object evalObject(EvalContext c) {
            long i = index.evalInt(c);
            if (i == UNDEFINED) return null;
            return array.evalObject(c) instanceof ObjectValue.Array a ? a.get(i) : null;
        }
    }

    public static final class DictItem extends Node {
        private final Node dict;
        private final Node key;

        public DictItem(Node dict, Node key) {
            super(ExprType.OBJECT, dict, key);
            this.dict = dict;
            this.key = key;
        }

        @Override
        public Object evalObject(EvalContext c) {
            byte[] k = key.evalString(c);
            if (k == null) return null;
            return dict.evalObject(c) instanceof ObjectValue.Dict d
                    ? d.get(new String(k, StandardCharsets.ISO_8859_1)) : null;
        }
    }

    /** A call of one function overload; undefined when any argument is undefined. */
    public static final class Call extends Node {
        private final Declaration.Overload overload;
        private final Node owner;
        private final Node[] arguments;

        public Call(Declaration.Overload overload, Node owner, Node[] arguments) {
            super(ExprType.OBJECT, Node.with(arguments, owner));
            this.overload = overload;
            this.owner = owner;
            this.arguments = arguments;
        }

        @Override
        public Object evalObject(EvalContext c) {
            Object[] values = new Object[arguments.length];
            boolean undefined = false;
            for (int i = 0; i < arguments.length; i++) {
                Node a = arguments[i];
                Object v = switch (overload.arguments().charAt(i)) {
                    case 'i' -> {
                        long x = a.evalInt(c);
                        yield x == UNDEFINED ? null : (Object) x;
                    }
                    case 'b' -> {
                        long x = a.evalBool(c);
                        yield x == UNDEFINED ? null : (Object) x;
                    }
                    case 'f' -> {
                        double x = a.evalFloat(c);
                        yield Values.isUndefined(x) ? null : (Object) x;
                    }
                    case 's' -> a.evalString(c);
                    default -> a.evalObject(c);
                };
                if (v == null) undefined = true;
                values[i] = v;
            }
            if (owner != null && owner.evalObject(c) == null) return null;
            if (undefined) return null;
            return overload.code().call(values, c);
        }
    }

    /** The value of a leaf (integer, float or string) reached through fields, items or a call. */
    public static final class Value extends Node {
        private final Node object;

        public Value(ExprType type, Node object) {
            super(type, object);
            this.object = object;
        }

        @Override
        public long evalInt(EvalContext c) {
            return object.evalObject(c) instanceof Long l ? l : UNDEFINED;
        }

        @Override
        public double evalFloat(EvalContext c) {
            return object.evalObject(c) instanceof Double d && !Double.isNaN(d) ? d : Values.UNDEFINED_FLOAT;
        }

        @Override
        public byte[] evalString(EvalContext c) {
            return object.evalObject(c) instanceof byte[] b ? b : null;
        }
    }

    /** An external variable ({@code -d name=value}), by slot. */
    public static final class External extends Node {
        private final int slot;

        public External(ExprType type, int slot) {
            super(type);
            this.slot = slot;
        }

        @Override
        public long evalInt(EvalContext c) {
            return c.externals[slot] instanceof Long l ? l : UNDEFINED;
        }

        @Override
        public double evalFloat(EvalContext c) {
            return c.externals[slot] instanceof Double d ? d : Values.UNDEFINED_FLOAT;
        }

        @Override
        public byte[] evalString(EvalContext c) {
            return c.externals[slot] instanceof byte[] b ? b : null;
        }
    }
}
