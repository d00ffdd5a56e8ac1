package org.exhunt.yara.modules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's data for one scan, following its {@link Declaration}s. A missing member, item or value is
 * undefined, as in libyara.
 */
public sealed interface ObjectValue {

    /** A structure's members by name. */
    final class Struct implements ObjectValue {
        private final Map<String, Object> members = new HashMap<>();

        /** A member: a {@code Long}, {@code Double}, {@code byte[]} or another {@link ObjectValue}; null if unset. */
        public Object get(String name) {
            return members.get(name);
        }

        public void set(String name, Object value) {
            members.put(name, value);
        }
    }

    final class Array implements ObjectValue {
        private final List<Object> items = new ArrayList<>();

        public Object get(long index) {
            return index >= 0 && index < items.size() ? items.get((int) index) : null;
        }

        public int size() {
            return items.size();
        }

        public void add(Object item) {
            items.add(item);
        }
    }

    final class Dict implements ObjectValue {
        private final Map<String, Object> items = new java.util.LinkedHashMap<>();

        public Object get(String key) {
            return items.get(key);
        }

        public Map<String, Object> items() {
            return items;
        }

        public void put(String key, Object value) {
            items.put(key, value);
        }
    }

    /** A new empty value of declaration {@code d}'s shape (structures get their nested structures). */
    static Struct emptyStruct(Declaration.StructDecl d) {
        Struct s = new Struct();
        for (Declaration m : d.members().values()) {
            if (m instanceof Declaration.StructDecl nested) s.set(m.name(), emptyStruct(nested));
            else if (m instanceof Declaration.ArrayDecl) s.set(m.name(), new Array());
            else if (m instanceof Declaration.DictDecl) s.set(m.name(), new Dict());
        }
        return s;
    }
}
