package org.exhunt.yara.condition;

import static org.exhunt.yara.condition.Values.UNDEFINED;

import org.exhunt.yara.data.ScanData;
import org.exhunt.yara.regex.PikeVm;
import org.exhunt.yara.regex.Program;

/**
 * {@code string matches /regex/}: the regex may match anywhere in the first {@value PikeVm#SCAN_LIMIT}
 * bytes of the string, as in libyara.
 */
public final class RegexMatch extends Node {

    /** A regex literal of a condition: its forward program and {@code /i} {@code /s} flags. */
    public record CompiledRegex(Program program, int flags) {}

    private final Node subject;
    private final CompiledRegex regex;

    public RegexMatch(Node subject, CompiledRegex regex) {
        super(ExprType.BOOLEAN, subject);
        this.subject = subject;
        this.regex = regex;
    }

    @Override
    public long evalInt(EvalContext c) {
        byte[] s = subject.evalString(c);
        if (s == null) return UNDEFINED;
        int found = c.vm.exec(regex.program(), 0, ScanData.of(s), 0, s.length, 0, regex.flags() | PikeVm.SCAN, null);
        return Values.of(found >= 0);
    }

    /** A regex literal as a value (a function argument). */
    public static final class Literal extends Node {
        private final CompiledRegex regex;

        public Literal(CompiledRegex regex) {
            super(ExprType.REGEXP);
            this.regex = regex;
        }

        @Override
        public Object evalObject(EvalContext c) {
            return regex;
        }
    }
}
