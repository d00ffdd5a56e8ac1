package org.exhunt.yara;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.yara.compile.CompiledRule;
import org.exhunt.yara.compile.CompiledString;
import org.exhunt.yara.compile.RuleCompiler;
import org.exhunt.yara.scan.Automaton;
import org.exhunt.yara.scan.ScanEngine;

/**
 * Compiled rules: immutable and shareable between threads; each thread scans with its own {@link Scanner}.
 */
public final class CompiledRules {

    final List<CompiledRule> rules;
    final List<CompiledString> strings;
    final ScanEngine engine;
    final List<String> namespaces;
    /** External variables: name to slot, and the default values by slot. */
    final Map<String, Integer> externalSlots;
    final Object[] externalDefaults;
    private final Automaton automaton;
    /** Each non-private rule's outcome when it does not match, by rule index (null for private rules). */
    final RuleMatch[] unmatched;
    /** The rules that read PE fields not implemented yet (on PE files, their verdict may differ from yara's). */
    final List<CompiledRule> rulesReadingPe;

    private CompiledRules(List<CompiledRule> rules, List<CompiledString> strings, Automaton automaton,
            List<String> namespaces, List<String> modules, Map<String, Integer> externalSlots, Object[] defaults) {
        this.rules = rules;
        this.strings = strings;
        this.automaton = automaton;
        this.namespaces = namespaces;
        this.externalSlots = externalSlots;
        this.externalDefaults = defaults;
        this.engine = new ScanEngine(automaton, rules, modules, namespaces.size(), strings.size());
        this.unmatched = new RuleMatch[rules.size()];
        List<CompiledRule> readingPe = new ArrayList<>();
        for (CompiledRule r : rules) {
            if (!r.isPrivate()) unmatched[r.index()] = new RuleMatch(false, r.namespace(), r.name(), r.tags(), metas(r), List.of());
            if (!r.unimplementedModuleFields().isEmpty()) readingPe.add(r);
        }
        this.rulesReadingPe = List.copyOf(readingPe);
    }

    private static List<RuleMatch.Meta> metas(CompiledRule rule) {
        List<RuleMatch.Meta> out = new ArrayList<>();
        for (CompiledRule.Metadata m : rule.metas()) {
            if (m.value() instanceof byte[] b) {
                out.add(new RuleMatch.Meta(m.name(), new String(b, StandardCharsets.UTF_8), b));
            } else {
                out.add(new RuleMatch.Meta(m.name(), m.value(), null));
            }
        }
        return List.copyOf(out);
    }

    static CompiledRules of(RuleCompiler c) {
        List<CompiledRule> rules = List.copyOf(c.rules());
        List<CompiledString> strings = List.copyOf(c.strings());
        Map<String, Integer> slots = new java.util.LinkedHashMap<>();
        Object[] defaults = new Object[c.externals().size()];
        c.externals().forEach((name, ext) -> {
            slots.put(name, ext.slot());
            defaults[ext.slot()] = ext.value();
        });
        return new CompiledRules(rules, strings, Automaton.build(strings), List.copyOf(c.namespaces()),
                c.modules(), Map.copyOf(slots), defaults);
    }

    /** A new scanner over these rules (cheap; one per thread). */
    public Scanner newScanner() {
        return new Scanner(this);
    }

    /** The number of rules (private ones included). */
    public int ruleCount() {
        return rules.size();
    }

    /** The number of strings, parts of chained hex strings included. */
    public int stringCount() {
        return strings.size();
    }

    /** Names of all rules, in order: {@code namespace:name}. */
    public List<String> ruleNames() {
        List<String> out = new ArrayList<>();
        for (CompiledRule r : rules) out.add(r.namespace() + ":" + r.name());
        return out;
    }

    /** Size of the Aho-Corasick automaton: states, and ints in its table. */
    public String automatonSize() {
        return automaton.stateCount() + " states, " + automaton.tableSize() + " slots";
    }
}
