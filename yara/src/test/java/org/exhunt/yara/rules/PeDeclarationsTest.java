package org.exhunt.yara.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.yara.CompileDiagnostic;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraException;
import org.exhunt.yara.modules.Declaration;
import org.exhunt.yara.modules.Modules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * exhunt's declaration of the {@code pe} module against {@code yara}'s: every declared field and function
 * signature is used in a rule of its type (yara must compile them all), then in a rule of the wrong type
 * (yara must reject each one, with the same error as exhunt), and a misspelt name of each is rejected by
 * both. The constants' values come from {@code yara -D}'s dump on a non-PE file.
 */
class PeDeclarationsTest {

    private static final byte[] NOT_PE = "not a PE file\n".getBytes(StandardCharsets.US_ASCII);

    private static YaraProcess yara;

    /** One use of a declared member: the expression, and its type letter (i, f, s). */
    private record Use(String expression, char type) {}

    @BeforeAll
    static void findYara() throws Exception {
        yara = new YaraProcess(TestEnvironment.yara());
    }

    @Test
    void yaraCompilesEveryDeclaredMemberUsedWithItsType() throws Exception {
        List<Use> uses = uses();
        assertThat(uses).hasSizeGreaterThan(200);
        String rules = rules(uses, false);
        YaraProcess.Result r = yara.run(rules, NOT_PE, "-w");
        assertThat(r.stderr()).isEmpty();
        assertThat(r.exitCode()).isZero();
        new YaraCompiler().addSource(rules, "pe.yar").compile();
    }

    @Test
    void bothRejectEveryDeclaredMemberUsedWithTheWrongType() throws Exception {
        String rules = rules(uses(), true);
        YaraProcess.Result r = yara.run(rules, NOT_PE, "-w");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(errors(rules)).isEqualTo(yaraErrors(r.stderr())).hasSize(uses().size());
    }

    @Test
    void bothRejectAMisspeltNameOfEveryMember() throws Exception {
        StringBuilder rules = new StringBuilder("import \"pe\"\n");
        int n = 0;
        for (String member : Modules.get("pe").declarations().members().keySet()) {
            rules.append("rule r").append(n++).append(" { condition: pe.").append(member).append("_x }\n");
        }
        YaraProcess.Result r = yara.run(rules.toString(), NOT_PE, "-w");
        assertThat(errors(rules.toString())).isEqualTo(yaraErrors(r.stderr())).hasSize(n);
    }

    @Test
    void constantsHaveYarasValues() throws Exception {
        YaraProcess.Result r = yara.run("import \"pe\"\nrule r { condition: true }\n", NOT_PE, "-D");
        Matcher m = Pattern.compile("(?m)^\\t([A-Z][A-Z0-9_]*) = (-?[0-9]+)").matcher(r.stdout());
        StringBuilder checks = new StringBuilder("import \"pe\"\nrule r { condition: true");
        int n = 0;
        while (m.find()) {
            checks.append(" and pe.").append(m.group(1)).append(" == ").append(m.group(2));
            n++;
        }
        assertThat(n).isGreaterThan(150);
        checks.append(" and pe.is_pe == 0 }\n");
        assertThat(new YaraCompiler().addSource(checks.toString(), "c.yar").compile().newScanner().scan(NOT_PE)
                .matching()).hasSize(1);
    }

    /** Every leaf of the declarations, with array indexes, dictionary keys and one call per signature. */
    private static List<Use> uses() {
        List<Use> out = new ArrayList<>();
        walk("pe", Modules.get("pe").declarations(), out);
        return out;
    }

    private static void walk(String path, Declaration d, List<Use> out) {
        if (d instanceof Declaration.IntegerDecl) {
            out.add(new Use(path, 'i'));
        } else if (d instanceof Declaration.FloatDecl) {
            out.add(new Use(path, 'f'));
        } else if (d instanceof Declaration.StringDecl) {
            out.add(new Use(path, 's'));
        } else if (d instanceof Declaration.ArrayDecl a) {
            walk(path + "[0]", a.item(), out);
        } else if (d instanceof Declaration.DictDecl m) {
            walk(path + "[\"k\"]", m.item(), out);
        } else if (d instanceof Declaration.StructDecl s) {
            for (Map.Entry<String, Declaration> e : s.members().entrySet()) walk(path + "." + e.getKey(), e.getValue(), out);
        } else if (d instanceof Declaration.FunctionDecl f) {
            for (Declaration.Overload o : f.overloads()) {
                List<String> args = new ArrayList<>();
                for (char a : o.arguments().toCharArray()) args.add(argument(a));
                out.add(new Use(path + "(" + String.join(", ", args) + ")", o.returns()));
            }
        }
    }

    private static String argument(char type) {
        return switch (type) {
            case 'i' -> "1";
            case 'f' -> "1.5";
            case 's' -> "\"a\"";
            case 'r' -> "/a/";
            case 'b' -> "true";
            default -> throw new IllegalArgumentException("argument type " + type);
        };
    }

    /** One rule per line: the use compared with a value of its own type, or of the wrong one. */
    private static String rules(List<Use> uses, boolean wrongType) {
        StringBuilder text = new StringBuilder("import \"pe\"\n");
        for (int n = 0; n < uses.size(); n++) {
            Use u = uses.get(n);
            String value = wrongType ? (u.type() == 's' ? "1" : "\"a\"") : argument(u.type());
            text.append("rule r").append(n).append(" { condition: ").append(u.expression()).append(" == ")
                    .append(value).append(" }\n");
        }
        return text.toString();
    }

    /** exhunt's errors as {@code line: message}. */
    private static Set<String> errors(String rules) {
        Set<String> out = new TreeSet<>();
        try {
            new YaraCompiler().addSource(rules, "pe.yar").compile();
        } catch (YaraException e) {
            for (CompileDiagnostic d : e.diagnostics()) if (d.error()) out.add(d.line() + ": " + d.message());
        }
        return out;
    }

    /** yara's {@code error: rule "r" in FILE(LINE): message} lines as {@code line: message}. */
    private static Set<String> yaraErrors(String stderr) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^error: rule \"[^\"]*\" in RULES\\(([0-9]+)\\): (.*)$").matcher(stderr);
        while (m.find()) out.add(m.group(1) + ": " + m.group(2));
        return out;
    }
}
