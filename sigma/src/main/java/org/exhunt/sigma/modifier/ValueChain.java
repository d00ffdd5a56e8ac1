package org.exhunt.sigma.modifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
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
    private List<SigmaValue> values;

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
        this.values = List.copyOf(values);
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

    public List<SigmaValue> values() {
        return values;
    }

    /** Replaces the values (a transformation's result), within the expansion cap. */
    void values(List<SigmaValue> newValues) throws ModifierException {
        if (newValues.size() > Limits.SIGMA_VALUE_EXPANSIONS) {
            throw new ModifierException("expands to " + newValues.size() + " values (cap " + Limits.SIGMA_VALUE_EXPANSIONS + ")");
        }
        values = List.copyOf(newValues);
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
        String dump = dump(field.toString());
        if (exists) {
            if (values.size() != 1 || !(values.get(0) instanceof SigmaValue.Bool b)) {
                throw new ModifierException("'exists' takes true or false");
            }
            return new ExistsMatcher(field, b.value());
        }
        boolean acceptsAbsent = false;
        List<ValueTest> tests = new ArrayList<>();
        for (SigmaValue v : values) {
            if (v == SigmaValue.Null.NULL) {
                if (typeName != null || fieldref || negated) throw new ModifierException("null cannot take modifiers");
                acceptsAbsent = true;
            } else {
                tests.add(test(v));
            }
        }
        return new FieldMatcher(field, tests, all, acceptsAbsent, negated, dump);
    }

    /** The compiled keyword item: values searched in the whole record, anywhere unless a type says otherwise. */
    public Matcher toKeywordMatcher() throws ModifierException {
        if (exists || fieldref || negated || timePart != null) {
            throw new ModifierException("keywords take no field modifiers");
        }
        if (typeName == null) type("contains", StringModifiers.CONTAINS);
        List<ValueTest> tests = new ArrayList<>();
        for (SigmaValue v : values) {
            if (v == SigmaValue.Null.NULL) throw new ModifierException("a keyword cannot be null");
            tests.add(test(v));
        }
        return new KeywordMatcher(tests, all, dump("keywords"));
    }

    private ValueTest test(SigmaValue v) throws ModifierException {
        ValueTest t = fieldref ? FieldrefModifier.test(v, this) : type.build(v, this);
        return timePart == null ? t : new TimeModifiers.PartTest(timePart, t);
    }

    private String dump(String subject) {
        String mods = applied.isEmpty() ? "" : "|" + String.join("|", applied);
        return "(" + subject + mods + " " + values.stream().map(Object::toString).collect(Collectors.joining(" ")) + ")";
    }
}
