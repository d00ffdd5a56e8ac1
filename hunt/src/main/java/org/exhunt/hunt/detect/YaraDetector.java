package org.exhunt.hunt.detect;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.Severity;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.Tally;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.RuleMatch;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.Scanner;
import org.exhunt.yara.StringMatch;
import org.exhunt.yara.YaraText;

/**
 * YARA rules on the content of web files. A match becomes a finding with the rule's metadata: {@code severity}
 * (exhunt's rules) or signature-base's {@code score}; {@code exhunt_chain} and {@code exhunt_stage} attribute
 * it (without {@code exhunt_stage}, {@link Stage#unstated} gives the stage of a file left behind); the file facts and the first matched strings are its evidence. The externals Loki and THOR give
 * signature-base ({@code filename}, {@code filepath}, {@code extension}, {@code filetype}, {@code owner})
 * are set per file.
 */
public final class YaraDetector implements FileDetector {

    /** Externals signature-base's rules read (YARA.md §3), declared when compiling, set per file. */
    public static final String[] EXTERNALS = {"filename", "filepath", "extension", "filetype", "owner"};
    static final int STRINGS_SHOWN = 5;

    private final ThreadLocal<Scanner> scanners;

    public YaraDetector(CompiledRules rules) {
        this(rules, Duration.ofSeconds(Limits.YARA_SCAN_SECONDS));
    }

    /** With another limit on the time one file's scan may take. */
    YaraDetector(CompiledRules rules, Duration timeout) {
        this.scanners = ThreadLocal.withInitial(() -> rules.newScanner().timeout(timeout));
    }

    @Override
    public void examine(FileContent content, Consumer<Finding> findings) {
        examine(content, new DetectionSink() {
            @Override public void finding(Finding f) { findings.accept(f); }
            @Override public void problem(Diagnostic d) {}
            @Override public void tally(Tally fact, long count) {}
        });
    }

    @Override
    public void examine(FileContent content, DetectionSink sink) {
        Scanner scanner = scanners.get();
        setExternals(scanner, content);
        ScanResult result = scanner.scan(content.bytes());
        if (result.failed()) {
            sink.problem(Diagnostic.error("yara.scan-failed", content.file().ref(),
                    "YARA scan stopped: " + result.error() + "; its rules were not evaluated on this file"));
            return;
        }
        if (!result.rulesNeedingPe().isEmpty()) {
            sink.tally(Tally.YARA_PE_FIELDS_NOT_EVALUATED);
        }
        for (String warning : result.warnings()) sink.problem(Diagnostic.warning("yara.warning", content.file().ref(), warning));
        // a rule the pack carries a copy of (signature-base's) and the user gives too (--yara signature-base) is one
        // rule: it is reported once, as the user's copy, which may be newer
        Set<String> users = result.matching().stream().filter(m -> YaraRules.USER_NAMESPACE.equals(m.namespace()))
                .map(RuleMatch::name).collect(Collectors.toSet());
        for (RuleMatch m : result.matching()) {
            if (YaraRules.USER_NAMESPACE.equals(m.namespace()) || !users.contains(m.name())) sink.finding(finding(content, m));
        }
    }

    private static void setExternals(Scanner scanner, FileContent content) {
        String path = content.file().windowsPath();
        String name = path.substring(path.lastIndexOf('\\') + 1);
        int dot = name.lastIndexOf('.');
        define(scanner, "filename", name);
        define(scanner, "filepath", path.substring(0, Math.max(0, path.lastIndexOf('\\'))));
        define(scanner, "extension", dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT));
    }

    private static void define(Scanner scanner, String name, String value) {
        try {
            scanner.define(name, value);
        } catch (IllegalArgumentException notDeclared) {
            // rules compiled without this external: nothing reads it
        }
    }

    private static Finding finding(FileContent content, RuleMatch m) {
        Severity severity = severity(m);
        String chain = text(m, "exhunt_chain", null);
        String stage = text(m, "exhunt_stage", null);
        Finding.Builder b = FileFindings.about(content, "yara", m.name())
                .title(text(m, "description", m.name()))
                .severity(severity)
                .chain(chain)
                // a file is left behind: without exhunt_stage, the rule for findings whose rule states no stage decides
                .stage(Optional.ofNullable(stage).flatMap(Stage::ofLabel).orElseGet(() -> Stage.unstated(false, chain, severity)));
        for (String tag : m.tags()) b.tag(tag.toLowerCase(Locale.ROOT));
        for (String key : new String[] {"author", "reference", "date"}) {
            String v = text(m, key, null);
            if (v != null) b.meta(key, v);
        }
        int shown = 0;
        for (StringMatch s : m.strings()) {
            if (shown++ == STRINGS_SHOWN) {
                b.evidence("strings", (m.strings().size() - STRINGS_SHOWN) + " more matches");
                break;
            }
            b.evidence("match", YaraText.stringLine(s, true, false));
        }
        return b.build();
    }

    /**
     * exhunt's {@code severity}, else signature-base's {@code score} (0-100, Loki's scale: 75 by default),
     * else high: a YARA rule run on web folders is written to find what should not be there.
     */
    static Severity severity(RuleMatch m) {
        String level = text(m, "severity", null);
        if (level != null) {
            try {
                return Severity.parse(level);
            } catch (IllegalArgumentException unknown) {
                return Severity.HIGH;
            }
        }
        for (RuleMatch.Meta meta : m.metas()) {
            if (meta.name().equals("score") && meta.value() instanceof Long score) {
                if (score >= 90) return Severity.CRITICAL;
                if (score >= 70) return Severity.HIGH;
                if (score >= 50) return Severity.MEDIUM;
                return score >= 30 ? Severity.LOW : Severity.INFORMATIONAL;
            }
        }
        return Severity.HIGH;
    }

    private static String text(RuleMatch m, String name, String otherwise) {
        for (RuleMatch.Meta meta : m.metas()) {
            if (meta.name().equals(name) && meta.value() instanceof String s) return s;
        }
        return otherwise;
    }
}
