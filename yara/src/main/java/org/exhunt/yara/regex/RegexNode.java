package org.exhunt.yara.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a regex or hex-string tree, with libyara's node kinds. Hex strings and regexes share the
 * tree: a hex byte is a {@link Kind#LITERAL}, {@code ??} an {@link Kind#ANY}, {@code 4?} a {@link
 * Kind#MASKED_LITERAL}, a jump {@code [2-4]} a {@link Kind#RANGE_ANY}.
 */
public final class RegexNode {

    /** The node kinds of libyara's {@code RE_NODE_*}. */
    public enum Kind {
        LITERAL, MASKED_LITERAL, ANY, CONCAT, ALT, RANGE, STAR, PLUS, CLASS, WORD_CHAR, NON_WORD_CHAR,
        SPACE, NON_SPACE, DIGIT, NON_DIGIT, EMPTY, ANCHOR_START, ANCHOR_END, WORD_BOUNDARY,
        NON_WORD_BOUNDARY, RANGE_ANY
    }

    /** Upper bound of a repetition, and the value of an open one ({@code {n,}}, hex {@code [n-]}). */
    public static final int MAX_RANGE = Short.MAX_VALUE;

    public final Kind kind;
    /** Position in its tree, for the side tables the emitter fills. */
    final int id;
    /** The byte of a literal; the byte under the mask of a masked literal. */
    int value;
    /** 0xFF for literals, 0x00 for {@code ??} and {@code .}, 0x0F or 0xF0 for nibbles. */
    int mask;
    /** Repetition bounds of {@link Kind#RANGE} and {@link Kind#RANGE_ANY}. */
    int start;
    int end;
    boolean greedy = true;
    CharClass charClass;
    final List<RegexNode> children;

    RegexNode(Kind kind, int id) {
        this.kind = kind;
        this.id = id;
        // Most nodes are bytes of hex strings, without children: no array for them until one is added.
        this.children = new ArrayList<>(takesChildren(kind) ? 2 : 0);
    }

    private static boolean takesChildren(Kind kind) {
        return switch (kind) {
            case CONCAT, ALT, RANGE, STAR, PLUS -> true;
            default -> false;
        };
    }

    public int value() {
        return value;
    }

    public int mask() {
        return mask;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public boolean greedy() {
        return greedy;
    }

    public CharClass charClass() {
        return charClass;
    }

    public List<RegexNode> children() {
        return children;
    }

    public int id() {
        return id;
    }

    /** Deterministic one-line dump, e.g. {@code Cat(Lit(61),Star(Any),Class([30-39]))}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        dump(s);
        return s.toString();
    }

    private void dump(StringBuilder s) {
        switch (kind) {
            case LITERAL -> s.append(String.format("Lit(%02X)", value));
            case MASKED_LITERAL -> s.append(String.format("Masked(%02X/%02X)", value, mask));
            case ANY -> s.append("Any");
            case CLASS -> s.append("Class(").append(charClass).append(')');
            case WORD_CHAR -> s.append("Word");
            case NON_WORD_CHAR -> s.append("NonWord");
            case SPACE -> s.append("Space");
            case NON_SPACE -> s.append("NonSpace");
            case DIGIT -> s.append("Digit");
            case NON_DIGIT -> s.append("NonDigit");
            case EMPTY -> s.append("Empty");
            case ANCHOR_START -> s.append("Start");
            case ANCHOR_END -> s.append("End");
            case WORD_BOUNDARY -> s.append("Boundary");
            case NON_WORD_BOUNDARY -> s.append("NonBoundary");
            case RANGE_ANY -> s.append("AnyRange(").append(start).append(',').append(end)
                    .append(greedy ? "" : ",lazy").append(')');
            case CONCAT, ALT, STAR, PLUS, RANGE -> {
                s.append(switch (kind) {
                    case CONCAT -> "Cat(";
                    case ALT -> "Alt(";
                    case STAR -> "Star(";
                    case PLUS -> "Plus(";
                    default -> "Range(" + start + "," + end + ",";
                });
                for (int i = 0; i < children.size(); i++) {
                    if (i > 0) s.append(',');
                    children.get(i).dump(s);
                }
                if (!greedy) s.append(",lazy");
                s.append(')');
            }
        }
    }
}
