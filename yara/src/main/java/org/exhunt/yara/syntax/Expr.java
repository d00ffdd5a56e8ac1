package org.exhunt.yara.syntax;

import java.util.List;

/**
 * A condition expression as written. The compiler gives it types and meaning; here it is only shape and
 * position. String identifiers keep their sigil as {@code $name} ({@code #a} is {@code StringCount("$a")}).
 */
public sealed interface Expr {

    SourcePos pos();

    record BoolLit(boolean value, SourcePos pos) implements Expr {}

    record IntLit(long value, SourcePos pos) implements Expr {}

    record FloatLit(double value, SourcePos pos) implements Expr {}

    record TextLit(byte[] value, SourcePos pos) implements Expr {}

    /** {@code /body/flags}: flags 1 = {@code i}, 2 = {@code s}. */
    record RegexLit(byte[] body, int flags, SourcePos pos) implements Expr {}

    record Filesize(SourcePos pos) implements Expr {}

    record Entrypoint(SourcePos pos) implements Expr {}

    /** {@code $a}, or {@code $} inside a {@code for ... of} loop. */
    record StringMatch(String id, SourcePos pos) implements Expr {}

    /** {@code $a at offset}. */
    record StringAt(String id, Expr offset, SourcePos pos) implements Expr {}

    /** {@code $a in (from..to)}. */
    record StringIn(String id, Expr from, Expr to, SourcePos pos) implements Expr {}

    /** {@code #a}, or {@code #a in (from..to)} when the bounds are not null. */
    record StringCount(String id, Expr from, Expr to, SourcePos pos) implements Expr {}

    /** {@code @a} (index null: the first) or {@code @a[index]}. */
    record StringOffset(String id, Expr index, SourcePos pos) implements Expr {}

    /** {@code !a} (index null: the first) or {@code !a[index]}. */
    record StringLength(String id, Expr index, SourcePos pos) implements Expr {}

    /** {@code uint16(offset)} and the other integer reads; {@code function} is the keyword. */
    record IntRead(String function, Expr offset, SourcePos pos) implements Expr {}

    record Identifier(String name, SourcePos pos) implements Expr {}

    record Field(Expr object, String name, SourcePos pos) implements Expr {}

    record Index(Expr object, Expr index, SourcePos pos) implements Expr {}

    record Call(Expr function, List<Expr> arguments, SourcePos pos) implements Expr {}

    enum UnaryOp { MINUS, BITWISE_NOT, NOT }

    record Unary(UnaryOp op, Expr operand, SourcePos pos) implements Expr {}

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("\\"), MOD("%"), SHL("<<"), SHR(">>"), BIT_AND("&"), BIT_OR("|"),
        BIT_XOR("^"), LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="), CONTAINS("contains"),
        ICONTAINS("icontains"), STARTSWITH("startswith"), ISTARTSWITH("istartswith"), ENDSWITH("endswith"),
        IENDSWITH("iendswith"), IEQUALS("iequals"), MATCHES("matches"), AND("and"), OR("or");

        public final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, SourcePos pos) implements Expr {}

    /** {@code all}, {@code any}, {@code none}, or an expression ({@code 2 of them}). */
    record Quantifier(Kind kind, Expr count) {
        public enum Kind { ALL, ANY, NONE, EXPRESSION }
    }

    /**
     * {@code them} (patterns null), a list of strings such as {@code ($a, $b*)}, or, when {@code rules} is
     * set, a list of rules such as {@code (rule_a, apt_*)}.
     */
    record StringSet(List<String> patterns, boolean rules, SourcePos pos) {
        public boolean isThem() {
            return patterns == null;
        }
    }

    /** {@code any of ($a*)}, or {@code 2 of them in (0..100)} when the bounds are not null. */
    record Of(Quantifier quantifier, StringSet set, Expr from, Expr to, SourcePos pos) implements Expr {}

    /** {@code 50% of them}. */
    record PercentOf(Expr percent, StringSet set, SourcePos pos) implements Expr {}

    /** What a {@code for ... in} loop iterates: a range, an enumeration, or a module array or dictionary. */
    sealed interface Iteration {}

    record RangeIteration(Expr from, Expr to) implements Iteration {}

    record EnumIteration(List<Expr> items) implements Iteration {}

    record ObjectIteration(Expr object) implements Iteration {}

    /** {@code for any i in (1..3) : (...)}. */
    record ForIn(Quantifier quantifier, List<String> variables, Iteration iteration, Expr body, SourcePos pos)
            implements Expr {}

    /** {@code for all of ($a*) : ($ at 0)}. */
    record ForOf(Quantifier quantifier, StringSet set, Expr body, SourcePos pos) implements Expr {}
}
