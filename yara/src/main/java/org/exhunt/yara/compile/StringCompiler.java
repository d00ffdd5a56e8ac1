package org.exhunt.yara.compile;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.yara.ErrorCode;
import org.exhunt.yara.regex.HexParser;
import org.exhunt.yara.regex.Program;
import org.exhunt.yara.regex.RegexAst;
import org.exhunt.yara.regex.RegexEmitter;
import org.exhunt.yara.regex.RegexParser;
import org.exhunt.yara.regex.RegexSyntaxException;
import org.exhunt.yara.syntax.Modifiers;
import org.exhunt.yara.syntax.StringDecl;

/**
 * Compiles one string declaration into one or more {@link CompiledString}s (libyara's
 * {@code yr_parser_reduce_string_declaration}): checks modifier combinations, parses regex and hex patterns,
 * turns {@code base64} strings into regexes, splits hex strings at long jumps into chained parts, searches
 * patterns that are plain literals as text, emits programs, and chooses atoms.
 */
final class StringCompiler {

    /** Receives warnings (slow strings, unbounded {@code .*}). */
    interface Warnings {
        void warn(ErrorCode code, String message);
    }

    private StringCompiler() {}

    static List<CompiledString> compile(StringDecl decl, int firstIndex, int rule, Warnings warnings)
            throws CompileError {
        Modifiers m = decl.modifiers();
        String id = decl.id();
        checkCombinations(decl);
        boolean wide = m.wide();
        boolean ascii = m.ascii() || (!wide && !m.base64() && !m.base64Wide());
        boolean nocase = m.nocase() || (decl.kind() == StringDecl.Kind.REGEX && (decl.regexFlags() & 1) != 0);
        boolean dotAll = decl.kind() == StringDecl.Kind.HEX
                || (decl.kind() == StringDecl.Kind.REGEX && (decl.regexFlags() & 2) != 0);

        if (decl.kind() == StringDecl.Kind.TEXT && decl.value().length == 0) {
            throw new CompileError(ErrorCode.EMPTY_STRING, "empty string \"" + id + "\"", decl.pos());
        }

        List<CompiledString> out = new ArrayList<>();
        if (decl.kind() == StringDecl.Kind.TEXT && !m.base64() && !m.base64Wide()) {
            CompiledString s = new CompiledString(firstIndex, id, rule);
            setModifiers(s, m, ascii, wide, nocase, dotAll);
            literal(s, decl.value(), m);
            out.add(s);
            slowWarning(s, warnings);
            return out;
        }

        RegexAst ast;
        try {
            ast = switch (decl.kind()) {
                case HEX -> HexParser.parse(new String(decl.value(), java.nio.charset.StandardCharsets.ISO_8859_1));
                case REGEX -> RegexParser.parse(decl.value());
                default -> RegexParser.parse(Base64Patterns.regex(decl.value(), m.ascii(), wide,
                        m.base64Alphabet(), m.base64WideAlphabet()));
            };
        } catch (RegexSyntaxException e) {
            if (decl.kind() == StringDecl.Kind.HEX) {
                throw new CompileError(ErrorCode.INVALID_HEX_STRING,
                        "invalid hex string \"" + id + "\": " + e.getMessage(), decl.pos());
            }
            throw new CompileError(ErrorCode.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression \"" + id + "\": " + e.getMessage(), decl.pos());
        }
        if (ast.hasGreedy() && ast.hasUngreedy()) {
            throw new CompileError(ErrorCode.INVALID_REGULAR_EXPRESSION,
                    "greedy and ungreedy quantifiers can't be mixed in a regular expression", decl.pos());
        }
        if (decl.kind() == StringDecl.Kind.REGEX && ast.hasUnboundedDot()) {
            warnings.warn(ErrorCode.UNBOUNDED_DOT, id + " contains .*, .+ or .{x,} consider using .{,N}, .{1,N} "
                    + "or {x,N} with a reasonable value for N");
        }

        int[] gap = new int[2];
        RegexAst part = ast;
        CompiledString previous = null;
        int index = firstIndex;
        while (part != null) {
            int[] nextGap = new int[2];
            RegexAst rest = part.splitAtChainingPoint(nextGap);
            CompiledString s = new CompiledString(index++, id, rule);
            setModifiers(s, m, ascii, wide, nocase, dotAll);
            s.hex = decl.kind() == StringDecl.Kind.HEX;
            s.greedyRegex = ast.hasGreedy();
            s.fastRegex = ast.isFast();
            pattern(s, part, m, decl);
            if (previous != null) {
                s.chainedTo = previous;
                s.head = previous.head;
                s.chainGapMin = gap[0];
                s.chainGapMax = gap[1];
                s.chainPart = true;
                if (rest == null) s.chainTail = true;
            } else if (rest != null) {
                s.chainPart = true;
            }
            out.add(s);
            slowWarning(s, warnings);
            previous = s;
            part = rest;
            gap = nextGap;
        }
        return out;
    }

    private static void checkCombinations(StringDecl decl) throws CompileError {
        Modifiers m = decl.modifiers();
        String bad = null;
        if (m.xor() && m.nocase()) bad = "xor nocase";
        else if (m.base64() && m.nocase()) bad = "base64 nocase";
        else if (m.base64Wide() && m.nocase()) bad = "base64wide nocase";
        else if (m.base64() && m.fullword()) bad = "base64 fullword";
        else if (m.base64Wide() && m.fullword()) bad = "base64wide fullword";
        else if (m.base64() && m.xor()) bad = "base64 xor";
        else if (m.base64Wide() && m.xor()) bad = "base64wide xor";
        if (bad != null) {
            throw new CompileError(ErrorCode.INVALID_MODIFIER, "invalid modifier combination: " + bad, decl.pos());
        }
    }

    private static void setModifiers(CompiledString s, Modifiers m, boolean ascii, boolean wide, boolean nocase,
            boolean dotAll) {
        s.ascii = ascii;
        s.wide = wide;
        s.nocase = nocase;
        s.fullword = m.fullword();
        s.isPrivate = m.isPrivate();
        s.xor = m.xor();
        s.base64 = m.base64();
        s.base64Wide = m.base64Wide();
        s.dotAll = dotAll;
    }

    private static Atoms.Modifiers atomModifiers(CompiledString s, Modifiers m) {
        return new Atoms.Modifiers(s.ascii, s.wide, s.nocase, s.xor, m.xorMin(), m.xorMax(), s.base64 || s.base64Wide);
    }

    private static void literal(CompiledString s, byte[] bytes, Modifiers m) {
        s.literal = true;
        s.bytes = bytes;
        s.fitsInAtom = (s.wide ? bytes.length * 2 : bytes.length) <= Atoms.MAX_LENGTH;
        Atoms.Result atoms = Atoms.ofText(bytes, atomModifiers(s, m));
        s.atoms = atoms.atoms();
        s.minAtomQuality = atoms.minQuality();
    }

    private static void pattern(CompiledString s, RegexAst part, Modifiers m, StringDecl decl) throws CompileError {
        byte[] literal = part.literal();
        if (literal != null) {
            literal(s, literal, m);
            return;
        }
        try {
            Program forward = RegexEmitter.forwards(part);
            Program backward = RegexEmitter.backwards(part);
            s.forward = forward;
            s.backward = backward;
            Atoms.Result atoms = Atoms.ofRegex(part, forward, backward, atomModifiers(s, m));
            s.atoms = atoms.atoms();
            s.minAtomQuality = atoms.minQuality();
        } catch (RegexSyntaxException e) {
            ErrorCode code = e.getMessage().contains("too complex") ? ErrorCode.REGULAR_EXPRESSION_TOO_COMPLEX
                    : ErrorCode.REGULAR_EXPRESSION_TOO_LARGE;
            throw new CompileError(code, e.getMessage(), decl.pos());
        }
    }

    private static void slowWarning(CompiledString s, Warnings warnings) {
        if (s.minAtomQuality < Atoms.WARNING_THRESHOLD) {
            warnings.warn(ErrorCode.SLOW_STRING, "string \"" + s.identifier + "\" may slow down scanning");
        }
    }
}
