package org.exhunt.yara.compile;

import static org.exhunt.yara.condition.Values.UNDEFINED;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.yara.ErrorCode;
import org.exhunt.yara.condition.Arithmetic;
import org.exhunt.yara.condition.Comparisons;
import org.exhunt.yara.condition.DataReads;
import org.exhunt.yara.condition.ExprType;
import org.exhunt.yara.condition.Literals;
import org.exhunt.yara.condition.Logic;
import org.exhunt.yara.condition.Loops;
import org.exhunt.yara.condition.Node;
import org.exhunt.yara.condition.ObjectAccess;
import org.exhunt.yara.condition.RegexMatch;
import org.exhunt.yara.condition.RuleReference;
import org.exhunt.yara.condition.SetQueries;
import org.exhunt.yara.condition.StringQueries;
import org.exhunt.yara.modules.Declaration;
import org.exhunt.yara.modules.PeModule;
import org.exhunt.yara.regex.RegexAst;
import org.exhunt.yara.regex.RegexEmitter;
import org.exhunt.yara.regex.RegexParser;
import org.exhunt.yara.regex.RegexSyntaxException;
import org.exhunt.yara.syntax.Expr;
import org.exhunt.yara.syntax.SourcePos;

/**
 * Type-checks a rule's condition and builds its {@link Node} tree, with libyara 4.2.3's rules: integers
 * and floats mix in arithmetic and comparisons, strings only compare; {@code %}, shifts and bitwise
 * operators want integers; constant divisors of 0 and constant overflows are errors; identifiers resolve to
 * loop variables, then external variables, then imported modules, then earlier rules. It also records how
 * each string is used (an {@code at} with a constant offset, whether one match is enough) for the scanner.
 */
final class ConditionCompiler {

    /** libyara's {@code YR_MAX_LOOP_NESTING} and {@code YR_MAX_LOOP_VARS}. */
    private static final int MAX_LOOP_NESTING = 4;
    private static final int MAX_LOOP_VARS = 2;

    private final Scope scope;
    private final StringCompiler.Warnings warnings;
    private final List<Loop> loops = new ArrayList<>();
    /** The variable slot of the innermost {@code for ... of} loop, or -1. */
    private int forOfSlot = -1;
    private List<CompiledString> forOfStrings = List.of();
    /** {@code pe} members read that the module does not compute yet. */
    final List<String> unimplementedFields = new ArrayList<>();

    /** A loop's variables: name, and the operand a reference to it gives. */
    private record Variable(String name, Operand operand) {}

    private record Loop(List<Variable> variables) {}

    ConditionCompiler(Scope scope, StringCompiler.Warnings warnings) {
        this.scope = scope;
        this.warnings = warnings;
    }

    /** The whole condition, as libyara's {@code boolean_expression}. */
    Node condition(Expr e) throws CompileError {
        return new Logic.AsBool(booleanNode(expression(e), e));
    }

    private static CompileError error(ErrorCode code, String message, SourcePos pos) {
        return new CompileError(code, message, pos);
    }

    private static Node constInt(long v) {
        return new Literals.IntConst(ExprType.INTEGER, v);
    }

    /** An expression used as a boolean: strings become "not empty"; literal strings draw a warning. */
    private Node booleanNode(Operand o, Expr e) throws CompileError {
        if (o.type() == ExprType.STRING && o.literalString() && e instanceof Expr.TextLit t) {
            warnings.warn(ErrorCode.LITERAL_STRING_AS_BOOLEAN, "using literal string \""
                    + new String(t.value(), StandardCharsets.ISO_8859_1) + "\" in a boolean operation.");
        }
        if (o.type() == ExprType.REGEXP || o.type() == ExprType.OBJECT) {
            throw error(ErrorCode.WRONG_TYPE, "wrong type for boolean operation", e.pos());
        }
        return o.node();
    }

    private Operand expression(Expr e) throws CompileError {
        if (e instanceof Expr.BoolLit b) {
            return Operand.constant(new Literals.IntConst(ExprType.BOOLEAN, b.value() ? 1 : 0), ExprType.BOOLEAN, UNDEFINED);
        }
        if (e instanceof Expr.IntLit i) return Operand.constant(constInt(i.value()), ExprType.INTEGER, i.value());
        if (e instanceof Expr.FloatLit f) return Operand.of(new Literals.FloatConst(f.value()), ExprType.FLOAT);
        if (e instanceof Expr.TextLit t) {
            return new Operand(new Literals.StringConst(t.value()), ExprType.STRING, UNDEFINED, null, null, null, true);
        }
        if (e instanceof Expr.RegexLit r) return Operand.of(new RegexMatch.Literal(regex(r)), ExprType.REGEXP);
        if (e instanceof Expr.Filesize) return Operand.of(new DataReads.Filesize(), ExprType.INTEGER);
        if (e instanceof Expr.Entrypoint) {
            warnings.warn(ErrorCode.DEPRECATED, "Using deprecated \"entrypoint\" keyword. Use the \"entry_point\" "
                    + "function from PE module instead.");
            return Operand.of(new DataReads.Entrypoint(), ExprType.INTEGER);
        }
        if (e instanceof Expr.StringMatch s) {
            return Operand.of(new StringQueries.Found(stringTarget(s.id(), Use.FOUND, UNDEFINED, s.pos())), ExprType.BOOLEAN);
        }
        if (e instanceof Expr.StringAt s) {
            Operand offset = expression(s.offset());
            checkType(offset, "at", s.offset().pos(), ExprType.INTEGER);
            StringQueries.Target t = stringTarget(s.id(), Use.AT, offset.value(), s.pos());
            return Operand.of(new StringQueries.FoundAt(t, offset.node()), ExprType.BOOLEAN);
        }
        if (e instanceof Expr.StringIn s) {
            Node[] range = range(s.from(), s.to());
            StringQueries.Target t = stringTarget(s.id(), Use.OTHER, UNDEFINED, s.pos());
            return Operand.of(new StringQueries.InRange(t, range[0], range[1], false), ExprType.BOOLEAN);
        }
        if (e instanceof Expr.StringCount s) {
            if (s.from() == null) {
                return Operand.of(new StringQueries.Count(stringTarget(s.id(), Use.OTHER, UNDEFINED, s.pos())), ExprType.INTEGER);
            }
            Node[] range = range(s.from(), s.to());
            StringQueries.Target t = stringTarget(s.id(), Use.OTHER, UNDEFINED, s.pos());
            return Operand.of(new StringQueries.InRange(t, range[0], range[1], true), ExprType.INTEGER);
        }
        if (e instanceof Expr.StringOffset s) return nth(s.id(), s.index(), false, s.pos());
        if (e instanceof Expr.StringLength s) return nth(s.id(), s.index(), true, s.pos());
        if (e instanceof Expr.IntRead r) {
            Operand offset = expression(r.offset());
            checkType(offset, "intXXXX or uintXXXX", r.offset().pos(), ExprType.INTEGER);
            return Operand.of(DataReads.IntRead.named(r.function(), offset.node()), ExprType.INTEGER);
        }
        if (e instanceof Expr.Identifier || e instanceof Expr.Field || e instanceof Expr.Index || e instanceof Expr.Call) {
            return primaryValue(identifier(e), e.pos());
        }
        if (e instanceof Expr.Unary u) return unary(u);
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.Of o) return of(o);
        if (e instanceof Expr.PercentOf p) return percentOf(p);
        if (e instanceof Expr.ForIn f) return forIn(f);
        if (e instanceof Expr.ForOf f) return forOf(f);
        throw new IllegalStateException("unexpected expression " + e);
    }

    // ---- strings ----

    private enum Use { FOUND, AT, OTHER }

    /**
     * Resolves {@code $a} (or {@code $} inside {@code for ... of}), marks it referenced, and records the use:
     * anything but {@code $a} alone needs all matches; anything but {@code $a at <constant>} needs them
     * everywhere.
     */
    private StringQueries.Target stringTarget(String id, Use use, long atOffset, SourcePos pos) throws CompileError {
        if (id.equals("$")) {
            if (forOfSlot < 0) throw error(ErrorCode.MISPLACED_ANONYMOUS_STRING, "wrong use of anonymous string", pos);
            for (CompiledString s : forOfStrings) recordUse(s, use, atOffset);
            return StringQueries.Target.loop(forOfSlot);
        }
        for (CompiledString s : scope.strings()) {
            if (s.identifier.equals(id)) {
                recordUse(s, use, atOffset);
                s.referenced = true;
                return StringQueries.Target.of(s.index);
            }
        }
        throw error(ErrorCode.UNDEFINED_STRING, "undefined string \"" + id + "\"", pos);
    }

    private static void recordUse(CompiledString s, Use use, long atOffset) {
        if (use != Use.FOUND) s.singleMatch = false;
        if (use == Use.AT) {
            if (s.fixedOffset == UNDEFINED) s.fixedOffset = atOffset;
            if (s.fixedOffset == UNDEFINED || s.fixedOffset != atOffset) s.fixedOffsetFlag = false;
        } else {
            s.fixedOffsetFlag = false;
        }
    }

    private Operand nth(String id, Expr index, boolean length, SourcePos pos) throws CompileError {
        Node i = index == null ? constInt(1) : expression(index).node();
        StringQueries.Target t = stringTarget(id, Use.OTHER, UNDEFINED, pos);
        return Operand.of(new StringQueries.Nth(t, i, length), ExprType.INTEGER);
    }

    /** The strings a set names, in rule order, marking them referenced and searched everywhere. */
    private List<CompiledString> stringSet(Expr.StringSet set) throws CompileError {
        List<CompiledString> out = new ArrayList<>();
        List<String> patterns = set.isThem() ? List.of("$*") : set.patterns();
        for (String pattern : patterns) {
            int before = out.size();
            for (CompiledString s : scope.strings()) {
                boolean hit = pattern.endsWith("*")
                        ? s.identifier.startsWith(pattern.substring(0, pattern.length() - 1))
                        : s.identifier.equals(pattern);
                if (hit) {
                    s.referenced = true;
                    s.fixedOffsetFlag = false;
                    out.add(s);
                }
            }
            if (out.size() == before) {
                throw error(ErrorCode.UNDEFINED_STRING, "undefined string \"" + pattern + "\"", set.pos());
            }
        }
        return out;
    }

    private static int[] indexes(List<CompiledString> strings) {
        return strings.stream().mapToInt(s -> s.index).toArray();
    }

    private int[] ruleSet(Expr.StringSet set) throws CompileError {
        List<Integer> rules = new ArrayList<>();
        for (String pattern : set.patterns()) {
            if (pattern.endsWith("*")) {
                List<Integer> hits = scope.rulesWithPrefix(pattern.substring(0, pattern.length() - 1));
                if (hits.isEmpty()) {
                    throw error(ErrorCode.UNDEFINED_IDENTIFIER, "undefined identifier \"" + pattern + "\"", set.pos());
                }
                rules.addAll(hits);
            } else {
                int r = scope.rule(pattern);
                if (r < 0) throw error(ErrorCode.UNDEFINED_IDENTIFIER, "undefined identifier \"" + pattern + "\"", set.pos());
                rules.add(r);
            }
        }
        return rules.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- sets and loops ----

    /** A quantifier's value as libyara pushes it: {@code all} undefined, {@code any} 1, {@code none} 0. */
    private Operand quantifier(Expr.Quantifier q) throws CompileError {
        return switch (q.kind()) {
            case ALL -> Operand.constant(constInt(UNDEFINED), ExprType.INTEGER, UNDEFINED);
            case ANY -> Operand.constant(constInt(1), ExprType.INTEGER, 1);
            case NONE -> Operand.constant(constInt(0), ExprType.INTEGER, 0);
            case EXPRESSION -> {
                Operand o = expression(q.count());
                // libyara pushes whatever the expression is: a string's address never reaches a count.
                if (o.type() == ExprType.STRING) yield Operand.of(constInt(Long.MAX_VALUE), ExprType.INTEGER);
                yield o;
            }
        };
    }

    private Operand of(Expr.Of o) throws CompileError {
        Operand q = quantifier(o.quantifier());
        if (o.set().rules()) {
            int[] rules = ruleSet(o.set());
            alwaysFalseWarning(q, rules.length);
            return Operand.of(new SetQueries.RulesOf(q.node(), rules), ExprType.BOOLEAN);
        }
        int[] strings = indexes(stringSet(o.set()));
        alwaysFalseWarning(q, strings.length);
        if (o.from() == null) return Operand.of(new SetQueries.StringsOf(q.node(), strings), ExprType.BOOLEAN);
        Node[] range = range(o.from(), o.to());
        return Operand.of(new SetQueries.StringsOfIn(q.node(), strings, range[0], range[1]), ExprType.BOOLEAN);
    }

    private void alwaysFalseWarning(Operand q, int count) {
        if (q.type() == ExprType.INTEGER && q.value() != UNDEFINED && q.value() > count) {
            warnings.warn(ErrorCode.EXPRESSION_ALWAYS_FALSE,
                    "expression always false - requesting " + q.value() + " of " + count + ".");
        }
    }

    private Operand percentOf(Expr.PercentOf p) throws CompileError {
        Operand percent = expression(p.percent());
        checkType(percent, "%", p.percent().pos(), ExprType.INTEGER);
        if (percent.value() != UNDEFINED && (percent.value() < 1 || percent.value() > 100)) {
            throw error(ErrorCode.INVALID_PERCENTAGE, "percentage must be between 1 and 100 (inclusive)", p.pos());
        }
        boolean rules = p.set().rules();
        int[] members = rules ? ruleSet(p.set()) : indexes(stringSet(p.set()));
        return Operand.of(new SetQueries.PercentOf(percent.node(), members, rules), ExprType.BOOLEAN);
    }

    private int enterLoop(SourcePos pos) throws CompileError {
        if (loops.size() == MAX_LOOP_NESTING) {
            throw error(ErrorCode.LOOP_NESTING_LIMIT_EXCEEDED, "loop nesting limit exceeded", pos);
        }
        return loops.size() * MAX_LOOP_VARS;
    }

    private boolean isLoopVariable(String name) {
        for (Loop l : loops) for (Variable v : l.variables()) if (v.name().equals(name)) return true;
        return false;
    }

    private Operand forIn(Expr.ForIn f) throws CompileError {
        Operand q = quantifier(f.quantifier());
        int slot = enterLoop(f.pos());
        List<String> names = f.variables();
        if (names.size() > MAX_LOOP_VARS) throw error(ErrorCode.SYNTAX_ERROR, "too many loop variables", f.pos());
        for (int i = 0; i < names.size(); i++) {
            if (isLoopVariable(names.get(i)) || names.subList(0, i).contains(names.get(i))) {
                throw error(ErrorCode.DUPLICATED_LOOP_IDENTIFIER, "duplicated loop identifier \"" + names.get(i) + "\"", f.pos());
            }
        }
        Expr.Iteration it = f.iteration();
        if (it instanceof Expr.RangeIteration r) {
            oneVariable(names, f.pos());
            Node[] range = range(r.from(), r.to());
            Node body = loopBody(f.body(), List.of(new Variable(names.get(0),
                    Operand.of(new Loops.IntVariable(slot), ExprType.INTEGER))));
            return Operand.of(new Loops.OverRange(q.node(), range[0], range[1], slot, body), ExprType.BOOLEAN);
        }
        if (it instanceof Expr.EnumIteration en) {
            Node[] items = new Node[en.items().size()];
            for (int i = 0; i < items.length; i++) {
                Operand item = expression(en.items().get(i));
                if (item.type() != ExprType.INTEGER) {
                    throw error(ErrorCode.WRONG_TYPE, "wrong type for enumeration item", en.items().get(i).pos());
                }
                items[i] = item.node();
            }
            oneVariable(names, f.pos());
            Node body = loopBody(f.body(), List.of(new Variable(names.get(0),
                    Operand.of(new Loops.IntVariable(slot), ExprType.INTEGER))));
            return Operand.of(new Loops.OverEnumeration(q.node(), items, slot, body), ExprType.BOOLEAN);
        }
        Expr source = ((Expr.ObjectIteration) it).object();
        Operand o = identifier(source);
        if (o.type() == ExprType.OBJECT && o.decl() instanceof Declaration.ArrayDecl a) {
            if (names.size() != 1) {
                throw error(ErrorCode.SYNTAX_ERROR, "iterator for \"" + o.identifier() + "\" yields a single item on "
                        + "each iteration, but the loop expects " + names.size(), f.pos());
            }
            Node body = loopBody(f.body(), List.of(new Variable(names.get(0),
                    Operand.object(new Loops.ObjectVariable(ExprType.OBJECT, slot), a.item(), null, names.get(0)))));
            return Operand.of(new Loops.OverArray(q.node(), o.node(), slot, body), ExprType.BOOLEAN);
        }
        if (o.type() == ExprType.OBJECT && o.decl() instanceof Declaration.DictDecl d) {
            if (names.size() != 2) {
                throw error(ErrorCode.SYNTAX_ERROR, "iterator for \"" + o.identifier()
                        + "\" yields a key,value pair item on each iteration", f.pos());
            }
            Node body = loopBody(f.body(), List.of(
                    new Variable(names.get(0), Operand.of(new Loops.ObjectVariable(ExprType.STRING, slot), ExprType.STRING)),
                    new Variable(names.get(1), Operand.object(new Loops.ObjectVariable(ExprType.OBJECT, slot + 1),
                            d.item(), null, names.get(1)))));
            return Operand.of(new Loops.OverDict(q.node(), o.node(), slot, body), ExprType.BOOLEAN);
        }
        throw error(ErrorCode.WRONG_TYPE, "identifier \"" + name(o, source) + "\" is not iterable", f.pos());
    }

    private static void oneVariable(List<String> names, SourcePos pos) throws CompileError {
        if (names.size() != 1) {
            throw error(ErrorCode.SYNTAX_ERROR, "iterator yields one value on each iteration , but the loop expects "
                    + names.size(), pos);
        }
    }

    private Node loopBody(Expr body, List<Variable> variables) throws CompileError {
        loops.add(new Loop(variables));
        try {
            return booleanNode(expression(body), body);
        } finally {
            loops.remove(loops.size() - 1);
        }
    }

    private Operand forOf(Expr.ForOf f) throws CompileError {
        Operand q = quantifier(f.quantifier());
        if (f.set().rules()) throw error(ErrorCode.SYNTAX_ERROR, "syntax error", f.set().pos());
        if (forOfSlot >= 0) throw error(ErrorCode.NESTED_FOR_OF_LOOP, "nested \"for of\" loops are not allowed", f.pos());
        int slot = enterLoop(f.pos());
        List<CompiledString> strings = stringSet(f.set());
        forOfSlot = slot;
        forOfStrings = strings;
        try {
            Node body = loopBody(f.body(), List.of());
            return Operand.of(new Loops.OverStrings(q.node(), indexes(strings), slot, body), ExprType.BOOLEAN);
        } finally {
            forOfSlot = -1;
            forOfStrings = List.of();
        }
    }

    private Node[] range(Expr from, Expr to) throws CompileError {
        Operand lo = expression(from);
        Operand hi = expression(to);
        if (lo.type() != ExprType.INTEGER) throw error(ErrorCode.WRONG_TYPE, "wrong type for range's lower bound", from.pos());
        if (hi.type() != ExprType.INTEGER) throw error(ErrorCode.WRONG_TYPE, "wrong type for range's upper bound", to.pos());
        return new Node[] {lo.node(), hi.node()};
    }

    // ---- identifiers and module objects ----

    /**
     * An identifier chain as libyara's {@code identifier}: objects stay objects, rules are booleans. The chain
     * ({@code a.b[1].c(2)...}) is followed in a loop from its root: however long it is, it costs no recursion.
     */
    private Operand identifier(Expr e) throws CompileError {
        List<Expr> chain = new ArrayList<>();
        Expr root = e;
        while (root instanceof Expr.Field || root instanceof Expr.Index || root instanceof Expr.Call) {
            chain.add(root);
            root = root instanceof Expr.Field f ? f.object() : root instanceof Expr.Index ix ? ix.object()
                    : ((Expr.Call) root).function();
        }
        if (!(root instanceof Expr.Identifier id)) throw error(ErrorCode.SYNTAX_ERROR, "syntax error", root.pos());
        Operand o = name(id);
        for (int i = chain.size() - 1; i >= 0; i--) {
            o = member(chain.get(i), o);
        }
        return o;
    }

    /** The field, item or call result {@code step} takes from {@code o}, the value of the chain before it. */
    private Operand member(Expr step, Operand o) throws CompileError {
        if (step instanceof Expr.Field f) {
            if (o.type() != ExprType.OBJECT || !(o.decl() instanceof Declaration.StructDecl s)) {
                throw error(ErrorCode.NOT_A_STRUCTURE, "\"" + name(o, f.object()) + "\" is not a structure", f.pos());
            }
            Declaration member = s.member(f.name());
            if (member == null) throw error(ErrorCode.INVALID_FIELD_NAME, "invalid field name \"" + f.name() + "\"", f.pos());
            if (o.identifier() != null && o.identifier().equals("pe") && o.owner() == null
                    && !(member instanceof Declaration.FunctionDecl) && !PeModule.isComputed(f.name())) {
                unimplementedFields.add("pe." + f.name());
            }
            if (o.identifier() != null && o.identifier().equals("pe") && member instanceof Declaration.FunctionDecl) {
                unimplementedFields.add("pe." + f.name() + "()");
            }
            return Operand.object(new ObjectAccess.Field(o.node(), f.name()), member, o.node(), f.name());
        }
        if (step instanceof Expr.Index ix) {
            Operand index = expression(ix.index());
            if (o.type() == ExprType.OBJECT && o.decl() instanceof Declaration.ArrayDecl a) {
                if (index.type() != ExprType.INTEGER) {
                    throw error(ErrorCode.WRONG_TYPE, "array indexes must be of integer type", ix.index().pos());
                }
                return Operand.object(new ObjectAccess.ArrayItem(o.node(), index.node()), a.item(), null, o.identifier());
            }
            if (o.type() == ExprType.OBJECT && o.decl() instanceof Declaration.DictDecl d) {
                if (index.type() != ExprType.STRING) {
                    throw error(ErrorCode.WRONG_TYPE, "dictionary keys must be of string type", ix.index().pos());
                }
                return Operand.object(new ObjectAccess.DictItem(o.node(), index.node()), d.item(), null, o.identifier());
            }
            throw error(ErrorCode.NOT_INDEXABLE, "\"" + name(o, ix.object()) + "\" is not an array or dictionary", ix.pos());
        }
        Expr.Call c = (Expr.Call) step;
        if (o.type() != ExprType.OBJECT || !(o.decl() instanceof Declaration.FunctionDecl decl)) {
            throw error(ErrorCode.NOT_A_FUNCTION, "\"" + name(o, c.function()) + "\" is not a function", c.pos());
        }
        StringBuilder signature = new StringBuilder();
        Node[] args = new Node[c.arguments().size()];
        for (int i = 0; i < args.length; i++) {
            Operand a = expression(c.arguments().get(i));
            char letter = switch (a.type()) {
                case INTEGER -> 'i';
                case FLOAT -> 'f';
                case BOOLEAN -> 'b';
                case STRING -> 's';
                case REGEXP -> 'r';
                default -> throw error(ErrorCode.WRONG_TYPE,
                        "unknown type for argument " + (i + 1) + " in function call", c.arguments().get(i).pos());
            };
            signature.append(letter);
            args[i] = a.node();
        }
        Declaration.Overload overload = decl.overload(signature.toString());
        if (overload == null) {
            throw error(ErrorCode.WRONG_ARGUMENTS, "wrong arguments for function \"" + o.identifier() + "\"", c.pos());
        }
        Declaration result = switch (overload.returns()) {
            case 'i' -> new Declaration.IntegerDecl(decl.name());
            case 'f' -> new Declaration.FloatDecl(decl.name());
            default -> new Declaration.StringDecl(decl.name());
        };
        return Operand.object(new ObjectAccess.Call(overload, o.owner(), args), result, null, o.identifier());
    }

    private static String name(Operand o, Expr e) {
        if (o.identifier() != null) return o.identifier();
        return e instanceof Expr.Identifier id ? id.name() : "";
    }

    private Operand name(Expr.Identifier id) throws CompileError {
        String n = id.name();
        for (int i = loops.size() - 1; i >= 0; i--) {
            for (Variable v : loops.get(i).variables()) if (v.name().equals(n)) return v.operand();
        }
        Scope.External ext = scope.external(n);
        if (ext != null) {
            Declaration decl = switch (ext.type()) {
                case INTEGER -> new Declaration.IntegerDecl(n);
                case FLOAT -> new Declaration.FloatDecl(n);
                default -> new Declaration.StringDecl(n);
            };
            // Like libyara, an external's value is not known to constant folding: `10 \ i` with i=0 compiles.
            return new Operand(new ObjectAccess.External(ext.type(), ext.slot()), ExprType.OBJECT, UNDEFINED, decl, null, n, false);
        }
        Scope.ImportedModule module = scope.module(n);
        if (module != null) {
            return Operand.object(new ObjectAccess.ModuleRoot(module.slot()), module.declarations(), null, n);
        }
        int rule = scope.rule(n);
        if (rule >= 0) return Operand.of(new RuleReference(rule), ExprType.BOOLEAN);
        throw error(ErrorCode.UNDEFINED_IDENTIFIER, "undefined identifier \"" + n + "\"", id.pos());
    }

    /** An identifier used as a value (libyara's {@code primary_expression: identifier}). */
    private static Operand primaryValue(Operand o, SourcePos pos) throws CompileError {
        if (o.type() != ExprType.OBJECT) return o;
        if (o.node() instanceof ObjectAccess.External ext) {
            return Operand.constant(ext, ext.type, o.value());
        }
        ExprType type;
        if (o.decl() instanceof Declaration.IntegerDecl) type = ExprType.INTEGER;
        else if (o.decl() instanceof Declaration.FloatDecl) type = ExprType.FLOAT;
        else if (o.decl() instanceof Declaration.StringDecl) type = ExprType.STRING;
        else throw error(ErrorCode.WRONG_TYPE, "wrong usage of identifier \"" + o.identifier() + "\"", pos);
        return Operand.of(new ObjectAccess.Value(type, o.node()), type);
    }

    // ---- operators ----

    private void checkType(Operand o, String op, SourcePos pos, ExprType... allowed) throws CompileError {
        for (ExprType t : allowed) if (o.type() == t) return;
        throw error(ErrorCode.WRONG_TYPE, "wrong type \"" + o.type().word + "\" for " + op + " operator", pos);
    }

    private Operand unary(Expr.Unary u) throws CompileError {
        if (u.op() == Expr.UnaryOp.NOT) {
            Operand o = expression(u.operand());
            return Operand.of(new Logic.Not(booleanNode(o, u.operand())), ExprType.BOOLEAN);
        }
        Operand o = expression(u.operand());
        if (u.op() == Expr.UnaryOp.MINUS) {
            checkType(o, "-", u.pos(), ExprType.INTEGER, ExprType.FLOAT);
            if (o.type() == ExprType.INTEGER) {
                long v = o.value() == UNDEFINED ? UNDEFINED : -o.value();
                return Operand.constant(new Arithmetic.IntNegate(o.node(), false), ExprType.INTEGER, v);
            }
            return Operand.of(new Arithmetic.FloatNegate(o.node()), ExprType.FLOAT);
        }
        checkType(o, "~", u.pos(), ExprType.INTEGER);
        long v = o.value() == UNDEFINED ? UNDEFINED : ~o.value();
        return Operand.constant(new Arithmetic.IntNegate(o.node(), true), ExprType.INTEGER, v);
    }

    private static boolean numeric(Operand o) {
        return o.type() == ExprType.INTEGER || o.type() == ExprType.FLOAT;
    }

    private static Node asFloat(Operand o) {
        return o.type() == ExprType.FLOAT ? o.node() : new Arithmetic.IntToFloat(o.node());
    }

    private static long fold(long a, long b, java.util.function.LongBinaryOperator op) {
        return a == UNDEFINED || b == UNDEFINED ? UNDEFINED : op.applyAsLong(a, b);
    }

    private Operand binary(Expr.Binary b) throws CompileError {
        Expr.BinaryOp op = b.op();
        if (op == Expr.BinaryOp.AND || op == Expr.BinaryOp.OR) return logicChain(b);
        if (isArithmetic(op)) return arithmeticChain(b);
        Operand l = expression(b.left());
        if (op == Expr.BinaryOp.MATCHES) {
            Operand r = expression(b.right());
            checkType(l, "matches", b.left().pos(), ExprType.STRING);
            RegexMatch.CompiledRegex re = (RegexMatch.CompiledRegex) r.node().evalObject(null);
            return Operand.of(new RegexMatch(l.node(), re), ExprType.BOOLEAN);
        }
        return comparison(op, l, expression(b.right()), b);
    }

    /**
     * {@code a and b and c ...} (or {@code or}): the operands along the left of a chain of one operator, compiled
     * in a loop into one node. libyara parses such a chain however long it is, and a chain of thousands must not
     * make the compiler or the evaluation recurse thousands deep.
     */
    private Operand logicChain(Expr.Binary top) throws CompileError {
        List<Expr> operands = new ArrayList<>();
        Expr e = top;
        while (e instanceof Expr.Binary b && b.op() == top.op()) {
            operands.add(b.right());
            e = b.left();
        }
        operands.add(e);
        java.util.Collections.reverse(operands);
        Node[] nodes = new Node[operands.size()];
        for (int i = 0; i < nodes.length; i++) nodes[i] = booleanNode(expression(operands.get(i)), operands.get(i));
        return Operand.of(top.op() == Expr.BinaryOp.AND ? new Logic.And(nodes) : new Logic.Or(nodes), ExprType.BOOLEAN);
    }

    private static boolean isArithmetic(Expr.BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MOD, SHL, SHR, BIT_AND, BIT_OR, BIT_XOR -> true;
            default -> false;
        };
    }

    /**
     * {@code a + b * c - d ...}: the arithmetic operators along the left of a chain, each checked and folded
     * in turn as the tree of them would be, in a loop (see {@link #logicChain}), then made one node per run of
     * integer or float operators.
     */
    private Operand arithmeticChain(Expr.Binary top) throws CompileError {
        List<Expr.Binary> spine = new ArrayList<>();
        Expr e = top;
        while (e instanceof Expr.Binary b && isArithmetic(b.op())) {
            spine.add(b);
            e = b.left();
        }
        Operand acc = expression(e);
        for (int i = spine.size() - 1; i >= 0; i--) {
            Expr.Binary b = spine.get(i);
            acc = operator(b, acc, expression(b.right()));
        }
        return new Operand(Arithmetic.chained(acc.node()), acc.type(), acc.value(), acc.decl(), acc.owner(),
                acc.identifier(), acc.literalString());
    }

    /** One arithmetic operator on its compiled operands. */
    private Operand operator(Expr.Binary b, Operand l, Operand r) throws CompileError {
        Expr.BinaryOp op = b.op();
        return switch (op) {
            case ADD, SUB, MUL, DIV -> arithmetic(op, l, r, b);
            case MOD -> {
                checkType(l, "%", b.pos(), ExprType.INTEGER);
                checkType(r, "%", b.pos(), ExprType.INTEGER);
                if (r.value() == 0) throw error(ErrorCode.DIVISION_BY_ZERO, "division by zero", b.pos());
                yield Operand.constant(new Arithmetic.IntBinary(Arithmetic.IntOp.MOD, l.node(), r.node()),
                        ExprType.INTEGER, fold(l.value(), r.value(), (x, y) -> x % y));
            }
            case BIT_AND, BIT_OR, BIT_XOR -> {
                checkType(l, op.symbol, b.pos(), ExprType.INTEGER);
                checkType(r, op.symbol, b.pos(), ExprType.INTEGER);
                Arithmetic.IntOp io = op == Expr.BinaryOp.BIT_AND ? Arithmetic.IntOp.AND
                        : op == Expr.BinaryOp.BIT_OR ? Arithmetic.IntOp.OR : Arithmetic.IntOp.XOR;
                long v = fold(l.value(), r.value(), switch (io) {
                    case AND -> (x, y) -> x & y;
                    case OR -> (x, y) -> x | y;
                    default -> (x, y) -> x ^ y;
                });
                yield Operand.constant(new Arithmetic.IntBinary(io, l.node(), r.node()), ExprType.INTEGER, v);
            }
            case SHL, SHR -> {
                checkType(l, op.symbol, b.pos(), ExprType.INTEGER);
                checkType(r, op.symbol, b.pos(), ExprType.INTEGER);
                if (r.value() != UNDEFINED && r.value() < 0) throw error(ErrorCode.INVALID_OPERAND, "", b.pos());
                // libyara folds both shifts as a left shift (its compile-time value only).
                long v = r.value() != UNDEFINED && r.value() >= 64 ? 0 : fold(l.value(), r.value(), (x, y) -> x << y);
                Arithmetic.IntOp io = op == Expr.BinaryOp.SHL ? Arithmetic.IntOp.SHL : Arithmetic.IntOp.SHR;
                yield Operand.constant(new Arithmetic.IntBinary(io, l.node(), r.node()), ExprType.INTEGER, v);
            }
            default -> throw new IllegalStateException("not arithmetic: " + op);
        };
    }

    private Operand arithmetic(Expr.BinaryOp op, Operand l, Operand r, Expr.Binary b) throws CompileError {
        reduceCheck(op, l, r, b);
        if (l.type() == ExprType.INTEGER && r.type() == ExprType.INTEGER) {
            long a = l.value();
            long c = r.value();
            boolean known = a != UNDEFINED && c != UNDEFINED;
            Arithmetic.IntOp io = switch (op) {
                case ADD -> Arithmetic.IntOp.ADD;
                case SUB -> Arithmetic.IntOp.SUB;
                case MUL -> Arithmetic.IntOp.MUL;
                default -> Arithmetic.IntOp.DIV;
            };
            long v;
            switch (op) {
                case ADD -> {
                    if (known && ((c > 0 && a > Long.MAX_VALUE - c) || (c < 0 && a < Long.MIN_VALUE - c))) throw overflow(a, "+", c, b);
                    v = fold(a, c, Long::sum);
                }
                case SUB -> {
                    if (known && ((c < 0 && a > Long.MAX_VALUE + c) || (c > 0 && a < Long.MIN_VALUE + c))) throw overflow(a, "-", c, b);
                    v = fold(a, c, (x, y) -> x - y);
                }
                case MUL -> {
                    if (known && c != 0 && Math.abs(a) > Long.MAX_VALUE / Math.abs(c)) throw overflow(a, "*", c, b);
                    v = fold(a, c, (x, y) -> x * y);
                }
                default -> {
                    if (c == 0) throw error(ErrorCode.DIVISION_BY_ZERO, "division by zero", b.pos());
                    v = fold(a, c, (x, y) -> x / y);
                }
            }
            return Operand.constant(new Arithmetic.IntBinary(io, l.node(), r.node()), ExprType.INTEGER, v);
        }
        Arithmetic.FloatOp fo = switch (op) {
            case ADD -> Arithmetic.FloatOp.ADD;
            case SUB -> Arithmetic.FloatOp.SUB;
            case MUL -> Arithmetic.FloatOp.MUL;
            default -> Arithmetic.FloatOp.DIV;
        };
        return Operand.of(new Arithmetic.FloatBinary(fo, asFloat(l), asFloat(r)), ExprType.FLOAT);
    }

    private static CompileError overflow(long a, String op, long b, Expr e) {
        return error(ErrorCode.INTEGER_OVERFLOW, "integer overflow in \"" + a + " " + op + " " + b + "\"", e.pos());
    }

    /** libyara's {@code yr_parser_reduce_operation} type rules. */
    private static void reduceCheck(Expr.BinaryOp op, Operand l, Operand r, Expr.Binary b) throws CompileError {
        if (numeric(l) && numeric(r)) return;
        if (l.type() == ExprType.STRING && r.type() == ExprType.STRING) {
            switch (op) {
                case EQ, NE, LT, LE, GT, GE -> {
                    return;
                }
                default -> throw error(ErrorCode.WRONG_TYPE, "strings don't support \"" + op.symbol + "\" operation", b.pos());
            }
        }
        throw error(ErrorCode.WRONG_TYPE, "type mismatch", b.pos());
    }

    private Operand comparison(Expr.BinaryOp op, Operand l, Operand r, Expr.Binary b) throws CompileError {
        if (op != Expr.BinaryOp.LT && op != Expr.BinaryOp.LE && op != Expr.BinaryOp.GT && op != Expr.BinaryOp.GE
                && op != Expr.BinaryOp.EQ && op != Expr.BinaryOp.NE) {
            return stringTest(op, l, r, b);
        }
        reduceCheck(op, l, r, b);
        Comparisons.Op c = switch (op) {
            case LT -> Comparisons.Op.LT;
            case LE -> Comparisons.Op.LE;
            case GT -> Comparisons.Op.GT;
            case GE -> Comparisons.Op.GE;
            case EQ -> Comparisons.Op.EQ;
            default -> Comparisons.Op.NE;
        };
        Node n;
        if (l.type() == ExprType.STRING) n = new Comparisons.StringCompare(c, l.node(), r.node());
        else if (l.type() == ExprType.INTEGER && r.type() == ExprType.INTEGER) n = new Comparisons.IntCompare(c, l.node(), r.node());
        else n = new Comparisons.FloatCompare(c, asFloat(l), asFloat(r));
        return Operand.of(n, ExprType.BOOLEAN);
    }

    private Operand stringTest(Expr.BinaryOp op, Operand l, Operand r, Expr.Binary b) throws CompileError {
        checkType(l, op.symbol, b.left().pos(), ExprType.STRING);
        checkType(r, op.symbol, b.right().pos(), ExprType.STRING);
        Comparisons.StringTest t = switch (op) {
            case CONTAINS -> Comparisons.StringTest.CONTAINS;
            case ICONTAINS -> Comparisons.StringTest.ICONTAINS;
            case STARTSWITH -> Comparisons.StringTest.STARTSWITH;
            case ISTARTSWITH -> Comparisons.StringTest.ISTARTSWITH;
            case ENDSWITH -> Comparisons.StringTest.ENDSWITH;
            case IENDSWITH -> Comparisons.StringTest.IENDSWITH;
            default -> Comparisons.StringTest.IEQUALS;
        };
        return Operand.of(new Comparisons.StringTestNode(t, l.node(), r.node()), ExprType.BOOLEAN);
    }

    /** A regex literal of a condition, compiled forwards with its {@code /i} and {@code /s} flags. */
    private static RegexMatch.CompiledRegex regex(Expr.RegexLit r) throws CompileError {
        try {
            RegexAst ast = RegexParser.parse(r.body());
            int flags = ((r.flags() & 1) != 0 ? org.exhunt.yara.regex.PikeVm.NO_CASE : 0)
                    | ((r.flags() & 2) != 0 ? org.exhunt.yara.regex.PikeVm.DOT_ALL : 0);
            return new RegexMatch.CompiledRegex(RegexEmitter.forwards(ast), flags);
        } catch (RegexSyntaxException e) {
            throw error(ErrorCode.INVALID_REGULAR_EXPRESSION, e.getMessage(), r.pos());
        }
    }
}
