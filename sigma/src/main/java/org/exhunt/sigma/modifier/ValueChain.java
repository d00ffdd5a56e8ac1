package org.exhunt.sigma.modifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.exhunt.core.Limits;
import org.exhunt.sigma.detection.ExistsMatcher;
import org.exhunt.sigma.detection.FieldMatcher;
import org.exhunt.sigma.detection.FieldRef;
import org.exhunt.sigma.detection.KeywordMatcher;
import org.exhunt.sigma.detection.Matcher;
import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.value.SigmaValue;

/**
 * The modifiers of one detection item being applied to its values, left to right; then {@link #toMatcher} or
 * {@link #toKeywordMatcher} builds the compiled item. Mutable, used by one compilation.
 */
public final class ValueChain {

    /** Where placeholder values come from ({@code expand}): a name's values, or {@code null} when it has none. */
    @FunctionalInterface
    public interface Placeholders {
        List<String> values(String name);
    }

    private final Function<String, FieldRef> fields;
    private final Placeholders placeholders;
    private final List<String> applied = new ArrayList<>();
    private final List<String> unresolved = new ArrayList<>();
    /**
     * One group per value written in the rule: a transformation's alternatives (windash variants, base64
     * offsets, placeholder values) stay in their value's group, so {@code all} still means every written value.
     */
    private List<List<SigmaValue>> groups;

    private String typeName;
    private TestBuilder type = StringModifiers.EQUALS;
    boolean all;
    boolean cased;
    boolean negated;
    boolean exists;
    boolean fieldref;
    final Set<Character> regexFlags = new TreeSet<>();
    TimeModifiers.Part timePart;

    public ValueChain(List<SigmaValue> values, Function<String, FieldRef> fields, Placeholders placeholders) {
        this.groups = values.stream().map(List::of).toList();
        this.fields = fields;
        this.placeholders = placeholders;
    }

    /** Applies the modifiers named in a detection key ({@code field|mod1|mod2}), in order. */
    public void apply(List<String> modifierNames) throws ModifierException {
        for (String name : modifierNames) {
            Modifier m = Modifiers.get(name);
            if (m == null) throw new ModifierException("unknown modifier '" + name + "'");
            m.apply(this);
            applied.add(name);
        }
    }

    /** All values, group after group. */
    public List<SigmaValue> values() {
        return groups.stream().flatMap(List::stream).toList();
    }

    /** What a transformation does to one value: its alternatives. */
    @FunctionalInterface
    interface Transformation {
        List<SigmaValue> apply(SigmaValue value) throws ModifierException;
    }

    /** Replaces every value by its alternatives, within the expansion cap. */
    void transform(Transformation t) throws ModifierException {
        List<List<SigmaValue>> out = new ArrayList<>();
        int total = 0;
        for (List<SigmaValue> group : groups) {
            List<SigmaValue> g = new ArrayList<>();
            for (SigmaValue v : group) g.addAll(t.apply(v));
            total += g.size();
            if (total > Limits.SIGMA_VALUE_EXPANSIONS) {
                throw new ModifierException("expands to more than " + Limits.SIGMA_VALUE_EXPANSIONS + " values");
            }
            out.add(List.copyOf(g));
        }
        groups = List.copyOf(out);
    }

    /** Sets how values are matched; two different match types cannot be combined. */
    void type(String name, TestBuilder builder) throws ModifierException {
        if (typeName != null && !typeName.equals(name)) {
            throw new ModifierException("'" + typeName + "' and '" + name + "' cannot be combined");
        }
        typeName = name;
        type = builder;
    }

    String typeName() {
        return typeName;
    }

    TestBuilder type() {
        return type;
    }

    Placeholders placeholders() {
        return placeholders;
    }

    FieldRef field(String name) {
        return fields.apply(name);
    }

    void unresolved(String placeholder) {
        if (!unresolved.contains(placeholder)) unresolved.add(placeholder);
    }

    /** Placeholders that {@code expand} found no values for: the rule cannot run. */
    public List<String> unresolved() {
        return unresolved;
    }

    /** The compiled {@code field|modifiers: values} item. */
    public Matcher toMatcher(FieldRef field) throws ModifierException {
        Supplier<String> dump = dump(field);
        List<SigmaValue> values = values();
        if (exists) {
            if (values.size() != 1 || !(values.get(0) instanceof SigmaValue.Bool b)) {
                throw new ModifierException("'exists' takes true or false");
            }
            return new ExistsMatcher(field, b.value());
        }
        boolean acceptsAbsent = false;
        List<List<ValueTest>> tests = new ArrayList<>();
        for (List<SigmaValue> group : groups) {
            List<ValueTest> g = new ArrayList<>();
            for (SigmaValue v : group) {
                if (v == SigmaValue.Null.NULL) {
                    if (typeName != null || fieldref || negated) throw new ModifierException("null cannot take modifiers");
                    acceptsAbsent = true;
                } else {
                    g.add(test(v));
                }
            }
            if (!g.isEmpty()) tests.add(g);
        }
        return new FieldMatcher(field, tests, all, acceptsAbsent, negated, dump);
    }

    /** The compiled keyword item: values searched in the whole record, anywhere unless a type says otherwise. */
    public Matcher toKeywordMatcher() throws ModifierException {
        if (exists || fieldref || negated || timePart != null) {
            throw new ModifierException("keywords take no field modifiers");
        }
        if (typeName == null) type("contains", StringModifiers.CONTAINS);
        List<List<ValueTest>> tests = new ArrayList<>();
        for (List<SigmaValue> group : groups) {
            List<ValueTest> g = new ArrayList<>();
            for (SigmaValue v : group) {
                if (v == SigmaValue.Null.NULL) throw new ModifierException("a keyword cannot be null");
                g.add(test(v));
            }
            tests.add(g);
        }
        return new KeywordMatcher(tests, all, dump("keywords"));
    }

    private ValueTest test(SigmaValue v) throws ModifierException {
        ValueTest t = fieldref ? FieldrefModifier.test(v, this) : type.build(v, this);
        return timePart == null ? t : new TimeModifiers.PartTest(timePart, t);
    }

    /** The item as a deterministic dump, built when asked. */
    private Supplier<String> dump(Object subject) {
        String mods = applied.isEmpty() ? "" : "|" + String.join("|", applied);
        List<List<SigmaValue>> values = groups;
        return () -> "(" + subject + mods + " " + values.stream()
                .map(g -> g.size() == 1 ? g.get(0).toString() : g.stream().map(Object::toString).collect(Collectors.joining(" ", "{", "}")))
                .collect(Collectors.joining(" ")) + ")";
    }
}
