package org.exhunt.sigma.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.sigma.condition.Condition;
import org.exhunt.sigma.condition.ConditionException;
import org.exhunt.sigma.condition.ConditionParser;
import org.exhunt.sigma.detection.FieldSlots;
import org.exhunt.sigma.detection.Logic;
import org.exhunt.sigma.detection.Matcher;
import org.exhunt.sigma.modifier.ModifierException;
import org.exhunt.sigma.modifier.ValueChain;
import org.exhunt.sigma.rule.RuleException;
import org.exhunt.sigma.rule.SigmaRule;
import org.exhunt.sigma.value.Numbers;
import org.exhunt.sigma.value.SigmaString;
import org.exhunt.sigma.value.SigmaValue;
import org.exhunt.sigma.value.StringPattern;
import org.exhunt.sigma.yaml.YNode;
import org.exhunt.sigma.yaml.YNode.YList;
import org.exhunt.sigma.yaml.YNode.YMap;
import org.exhunt.sigma.yaml.YNode.YScalar;

/**
 * Compiles a rule's detection against the fields of one kind of record. Entry point: {@link #compile}.
 *
 * <p>A search identifier is a map (AND of its items), a list of maps (OR), or keywords (a value or a list of
 * values, searched in the whole record). An item's key is {@code field|modifier|...}; an empty field name
 * ({@code '|all':}) makes keywords with modifiers.
 */
public final class DetectionCompiler {

    /**
     * A compiled detection, whether it searches keywords (the whole record), and the placeholders it could not
     * expand (non-empty: the rule is inactive).
     */
    public record Result(Matcher matcher, boolean keywords, List<String> unresolved) {}

    private final FieldSlots slots;
    private final ValueChain.Placeholders placeholders;
    private final List<String> unresolved = new ArrayList<>();
    private boolean keywords;

    private DetectionCompiler(FieldSlots slots, ValueChain.Placeholders placeholders) {
        this.slots = slots;
        this.placeholders = placeholders;
    }

    public static Result compile(SigmaRule rule, FieldSlots slots, ValueChain.Placeholders placeholders) throws RuleException {
        DetectionCompiler c = new DetectionCompiler(slots, placeholders);
        Map<String, Matcher> searches = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : rule.detection().entries().entrySet()) {
            if (e.getKey().equals("timeframe")) continue;   // Sigma 1.x; only meaningful with aggregations
            searches.put(e.getKey(), c.search(e.getValue(), rule.detection().lineOf(e.getKey())));
        }
        List<Matcher> alternatives = new ArrayList<>();
        for (SigmaRule.Condition cond : rule.conditions()) {
            try {
                alternatives.add(c.resolve(ConditionParser.parse(cond.text()), searches, cond.line()));
            } catch (ConditionException e) {
                throw new RuleException(RuleException.CONDITION, cond.line(),
                        "condition '" + cond.text() + "': " + e.getMessage() + " (at character " + (e.offset() + 1) + ")");
            }
        }
        return new Result(Logic.any(alternatives), c.keywords, List.copyOf(c.unresolved));
    }

    private Matcher search(YNode node, int line) throws RuleException {
        if (node instanceof YMap m) return map(m);
        if (node instanceof YList l && !l.items().isEmpty()) {
            if (l.items().stream().allMatch(i -> i instanceof YMap)) {
                List<Matcher> maps = new ArrayList<>();
                for (YNode i : l.items()) maps.add(map((YMap) i));
                return Logic.any(maps);
            }
            if (l.items().stream().allMatch(i -> i instanceof YScalar)) return keywords("keywords", List.of(), node, line);
            throw new RuleException(RuleException.STRUCTURE, line, "a list mixes maps and plain values");
        }
        if (node instanceof YScalar s && !s.isNull()) return keywords("keywords", List.of(), node, line);
        throw new RuleException(RuleException.STRUCTURE, line, "a search identifier is a map, a list or a keyword");
    }

    private Matcher map(YMap m) throws RuleException {
        if (m.entries().isEmpty()) throw new RuleException(RuleException.STRUCTURE, m.line(), "an empty map matches nothing");
        List<Matcher> items = new ArrayList<>();
        for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
            int line = m.lineOf(e.getKey());
            List<String> parts = Arrays.asList(e.getKey().split("\\|", -1));
            String field = parts.get(0).trim();
            List<String> modifiers = parts.subList(1, parts.size());
            if (field.isEmpty()) {
                items.add(keywords(e.getKey(), modifiers, e.getValue(), line));
                continue;
            }
            ValueChain chain = chain(e.getKey(), e.getValue(), modifiers, line);
            try {
                items.add(chain.toMatcher(slots.ref(field)));
            } catch (ModifierException ex) {
                throw new RuleException(RuleException.MODIFIER, line, "'" + e.getKey() + "': " + ex.getMessage());
            }
        }
        return Logic.all(items);
    }

    private Matcher keywords(String key, List<String> modifiers, YNode values, int line) throws RuleException {
        ValueChain chain = chain(key, values, modifiers, line);
        keywords = true;
        try {
            return chain.toKeywordMatcher();
        } catch (ModifierException ex) {
            throw new RuleException(RuleException.MODIFIER, line, "'" + key + "': " + ex.getMessage());
        }
    }

    private ValueChain chain(String key, YNode node, List<String> modifiers, int line) throws RuleException {
        ValueChain chain = new ValueChain(values(node, line), slots::ref, placeholders);
        try {
            chain.apply(modifiers);
        } catch (ModifierException ex) {
            throw new RuleException(RuleException.MODIFIER, line, "'" + key + "': " + ex.getMessage());
        }
        for (String p : chain.unresolved()) {
            if (!unresolved.contains(p)) unresolved.add(p);
        }
        return chain;
    }

    private static List<SigmaValue> values(YNode node, int line) throws RuleException {
        List<SigmaValue> out = new ArrayList<>();
        if (node instanceof YScalar s) {
            out.add(value(s));
        } else if (node instanceof YList l) {
            for (YNode i : l.items()) {
                if (!(i instanceof YScalar s)) throw new RuleException(RuleException.STRUCTURE, i.line(), "a value list holds plain values only");
                out.add(value(s));
            }
            if (out.isEmpty()) throw new RuleException(RuleException.STRUCTURE, line, "an empty list of values matches nothing");
        } else {
            throw new RuleException(RuleException.STRUCTURE, node.line(), "a field takes a value or a list of values, not a map");
        }
        return out;
    }

    private static SigmaValue value(YScalar s) {
        switch (s.kind()) {
            case NULL:
                return SigmaValue.Null.NULL;
            case BOOL:
                return new SigmaValue.Bool(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)));
            case INT:
            case FLOAT:
                double d = Numbers.parse(s.text());
                if (!Double.isNaN(d)) return new SigmaValue.Num(s.text(), d);
                return SigmaValue.Str.of(s.text());
            default:
                return SigmaValue.Str.of(s.text());
        }
    }

    private Matcher resolve(Condition c, Map<String, Matcher> searches, int line) throws RuleException {
        if (c instanceof Condition.Ref r) {
            Matcher m = searches.get(r.name());
            if (m == null) throw new RuleException(RuleException.CONDITION, line, "condition names '" + r.name() + "', which the detection does not define");
            return m;
        }
        if (c instanceof Condition.Of of) {
            List<Matcher> picked = new ArrayList<>();
            StringPattern glob = StringPattern.compile(SigmaString.parse(of.pattern()), true);
            for (Map.Entry<String, Matcher> e : searches.entrySet()) {
                boolean hit = of.them() ? !e.getKey().startsWith("_") : glob.matches(e.getKey(), e.getKey());
                if (hit) picked.add(e.getValue());
            }
            if (picked.isEmpty()) throw new RuleException(RuleException.CONDITION, line, "'" + of.pattern() + "' names no search identifier");
            if (of.count() != Condition.Of.ALL && of.count() > picked.size()) {
                throw new RuleException(RuleException.CONDITION, line, of.count() + " of '" + of.pattern() + "' but only " + picked.size() + " identifiers match");
            }
            return of.count() == Condition.Of.ALL ? Logic.all(picked) : Logic.atLeast(of.count(), picked);
        }
        if (c instanceof Condition.Not n) return Logic.not(resolve(n.term(), searches, line));
        List<Condition> terms = c instanceof Condition.And a ? a.terms() : ((Condition.Or) c).terms();
        List<Matcher> out = new ArrayList<>();
        for (Condition t : terms) out.add(resolve(t, searches, line));
        return c instanceof Condition.And ? Logic.all(out) : Logic.any(out);
    }
}
