package org.exhunt.sigma;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Limits;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.compile.DetectionCompiler;
import org.exhunt.sigma.detection.FieldSlots;
import org.exhunt.sigma.mapping.RecordSpec;
import org.exhunt.sigma.modifier.ValueChain;
import org.exhunt.sigma.rule.CorrelationParser;
import org.exhunt.sigma.rule.RuleException;
import org.exhunt.sigma.rule.RuleParser;
import org.exhunt.sigma.rule.SigmaCorrelation;
import org.exhunt.sigma.rule.SigmaFilter;
import org.exhunt.sigma.rule.SigmaRule;
import org.exhunt.sigma.yaml.YNode;
import org.exhunt.sigma.yaml.YamlProblem;
import org.exhunt.sigma.yaml.YamlTree;

/**
 * The documents of one rule file, read, parsed and checked on their own, so that files can be read on every core;
 * {@link SigmaLoader} then takes them in path order (duplicate ids are a matter of the whole load). Every rule and
 * filter is compiled once against plain field names here, so that all its errors are found whatever routes it.
 */
final class RuleFile {

    /** One document's outcome, in document order. */
    sealed interface Item {}

    record Problem(Diagnostic diagnostic) implements Item {}

    /** A rule that loads, with its document; {@code unresolved} names the placeholders without values (non-empty: inactive). */
    record Rule(SigmaRule rule, List<String> unresolved, YNode doc) implements Item {}

    record Filter(SigmaFilter filter, YNode doc) implements Item {}

    record Correlation(SigmaCorrelation correlation, YNode doc) implements Item {}

    /**
     * A file read: its name, the hash of its bytes ({@link CompiledRules#hash}; null when not hashed or not read), its
     * items, and whether they came from compiled rules.
     */
    record Loaded(String name, byte[] hash, List<Item> items, boolean compiled) {}

    private RuleFile() {}

    /**
     * A file's items; a file that cannot be read is one problem. With {@code compiled}, the items it holds for a file
     * of this name and content are taken instead of parsing it; with {@code hash}, the content's hash is kept for
     * writing compiled rules. Thread-safe.
     */
    static Loaded read(Path f, ValueChain.Placeholders placeholders, CompiledRules compiled, boolean hash) {
        String name = f.toString();
        try {
            if (Files.size(f) > Limits.RULE_FILE_CHARS) {
                return new Loaded(name, null, List.of(fileProblem(name, "larger than " + Limits.RULE_FILE_CHARS + " bytes; not read")), false);
            }
            byte[] bytes = Files.readAllBytes(f);
            byte[] contentHash = compiled != null || hash ? CompiledRules.hash(bytes) : null;
            List<Item> kept = compiled == null ? null : compiled.items(name, contentHash);
            return new Loaded(name, contentHash, kept != null ? kept : parse(name, bytes, placeholders), kept != null);
        } catch (IOException e) {
            return new Loaded(name, null, List.of(fileProblem(name, "cannot read: " + e.getMessage())), false);
        }
    }

    private static List<Item> parse(String name, byte[] bytes, ValueChain.Placeholders placeholders) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return parse(name, text, placeholders);
        } catch (CharacterCodingException e) {
            return List.of(fileProblem(name, "not UTF-8 text; not read"));
        }
    }

    private static Problem fileProblem(String name, String message) {
        return new Problem(Diagnostic.error(SigmaLoader.CODE_FILE, SourceRef.file(name), message));
    }

    /** The items of one file's text; {@code name} is how messages name the file. Thread-safe. */
    static List<Item> parse(String name, String text, ValueChain.Placeholders placeholders) {
        List<YNode> docs;
        try {
            docs = YamlTree.parseAll(name, text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (YamlProblem e) {
            return List.of(new Problem(Diagnostic.error(RuleException.YAML, SourceRef.line(name, e.line()), e.getMessage())));
        }
        List<Item> items = new ArrayList<>(docs.size());
        for (YNode doc : docs) {
            try {
                items.add(document(name, doc, placeholders));
            } catch (RuleException e) {
                items.add(new Problem(Diagnostic.error(e.code(), SourceRef.line(name, e.line() > 0 ? e.line() : doc.line()), e.getMessage())));
            }
        }
        return items;
    }

    private static Item document(String name, YNode doc, ValueChain.Placeholders placeholders) throws RuleException {
        if (doc instanceof YNode.YMap m && m.get("action") != null) {
            return new Problem(Diagnostic.error(SigmaLoader.CODE_UNSUPPORTED, SourceRef.line(name, m.line()),
                    "'action' documents (Sigma 1.x rule collections) are not supported; write each rule in full"));
        }
        if (doc instanceof YNode.YMap m && m.get("correlation") != null) {
            return new Correlation(CorrelationParser.parse(name, doc), doc);
        }
        if (doc instanceof YNode.YMap m && m.get("filter") != null) {
            SigmaFilter f = RuleParser.parseFilter(name, doc);
            DetectionCompiler.compile(f.detection(), new FieldSlots(RecordSpec.identity()), placeholders);
            return new Filter(f, doc);
        }
        SigmaRule rule = RuleParser.parse(name, doc);
        DetectionCompiler.Result checked = DetectionCompiler.compile(rule, new FieldSlots(RecordSpec.identity()), placeholders);
        return new Rule(rule, checked.unresolved(), doc);
    }
}
