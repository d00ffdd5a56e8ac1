package org.exhunt.yara.modules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module declares, as libyara's {@code begin_declarations} block: structures of named members,
 * integers, floats, strings, arrays and dictionaries (of one item declaration), and functions with one or
 * more signatures. Argument and return types use libyara's letters: {@code i} integer, {@code f} float,
 * {@code s} string, {@code b} boolean, {@code r} regex.
 */
public sealed interface Declaration {

    String name();

    record IntegerDecl(String name) implements Declaration {}

    record FloatDecl(String name) implements Declaration {}

    record StringDecl(String name) implements Declaration {}

    record ArrayDecl(String name, Declaration item) implements Declaration {}

    record DictDecl(String name, Declaration item) implements Declaration {}

    /** One signature of a function: argument letters, return letter, and the code. */
    record Overload(String arguments, char returns, ModuleFunction code) {}

    record FunctionDecl(String name, List<Overload> overloads) implements Declaration {

        /** The overload taking {@code arguments}, or null. */
        public Overload overload(String arguments) {
            for (Overload o : overloads) if (o.arguments().equals(arguments)) return o;
            return null;
        }
    }

    /** A structure; members keep declaration order. */
    final class StructDecl implements Declaration {
        private final String name;
        private final Map<String, Declaration> members = new LinkedHashMap<>();

        public StructDecl(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        public Map<String, Declaration> members() {
            return members;
        }

        public Declaration member(String memberName) {
            return members.get(memberName);
        }

        public StructDecl integer(String n) {
            return add(new IntegerDecl(n));
        }

        public StructDecl floating(String n) {
            return add(new FloatDecl(n));
        }

        public StructDecl string(String n) {
            return add(new StringDecl(n));
        }

        /** Adds a function signature (a second call with the same name adds an overload). */
        public StructDecl function(String n, String arguments, char returns, ModuleFunction code) {
            Declaration existing = members.get(n);
            List<Overload> overloads = new java.util.ArrayList<>();
            if (existing instanceof FunctionDecl f) overloads.addAll(f.overloads());
            overloads.add(new Overload(arguments, returns, code));
            members.put(n, new FunctionDecl(n, List.copyOf(overloads)));
            return this;
        }

        public StructDecl add(Declaration d) {
            members.put(d.name(), d);
            return this;
        }
    }
}
