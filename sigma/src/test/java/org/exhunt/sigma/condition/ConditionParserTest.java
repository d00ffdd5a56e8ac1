package org.exhunt.sigma.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exhunt.core.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Condition texts and their dumps; precedence from the specification: or < and < not < of < parentheses. */
class ConditionParserTest {

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            selection                                     | selection
            keywords1 or keywords2                        | (or keywords1 keywords2)
            keywords and not filters                      | (and keywords (not filters))
            selection1 and (keywords1 or keywords2)       | (and selection1 (or keywords1 keywords2))
            1 of them                                     | (1-of them)
            all of them                                   | (all-of them)
            all of selection*                             | (all-of selection*)
            1 of selection* and keywords                  | (and (1-of selection*) keywords)
            1 of selection* and not 1 of filter*          | (and (1-of selection*) (not (1-of filter*)))
            a or b and c                                  | (or a (and b c))
            a and b or c and d                            | (or (and a b) (and c d))
            not a and b                                   | (and (not a) b)
            not not a                                     | (not (not a))
            a AND NOT b OR c                              | (or (and a (not b)) c)
            ((a))                                         | a
            2 of sel_*                                    | (2-of sel_*)
            any of x*                                     | (1-of x*)
            selection and not 1 of filter_*               | (and selection (not (1-of filter_*)))
            """)
    void parses(String text, String dump) throws ConditionException {
        assertThat(ConditionParser.parse(text)).hasToString(dump);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                              | empty condition                                    | 0
            a and                           | expected a search identifier, 'not', 'N of' or '(' at the end | 5
            (a or b                         | expected ')' at the end                            | 7
            a b                             | unexpected 'b'                                     | 2
            a ) b                           | unexpected ')'                                     | 2
            'selection | count() > 5'       | aggregation expressions                            | 10
            sel*                            | wildcard 'sel*' is only allowed after 'N of'       | 0
            0 of x*                         | expected a number, 'all' or 'any' before 'of'      | 0
            all of                          | or 'them' after 'of'                               | 6
            a and or b                      | expected a search identifier but found 'or'        | 6
            a = b                           | unexpected character '='                           | 2
            """)
    void rejects(String text, String message, int offset) {
        assertRejected(text, message, offset);
    }

    @Test
    void refusesNestingPastTheLimitWhereItStarts() throws ConditionException {
        int deep = Limits.SIGMA_CONDITION_NESTING;
        assertThat(ConditionParser.parse("(".repeat(deep) + "a" + ")".repeat(deep))).hasToString("a");
        assertThat(ConditionParser.parse("not ".repeat(deep) + "a")).isNotNull();
        String message = "nested deeper than " + deep + " levels";
        assertRejected("(".repeat(2_000) + "a" + ")".repeat(2_000), message, deep);
        assertRejected("not ".repeat(2_000) + "a", message, 4 * deep);
        assertRejected("a and " + "(not ".repeat(deep / 2) + "(b)" + ")".repeat(deep / 2), message, 6 + 5 * (deep / 2));
    }

    private static void assertRejected(String text, String message, int offset) {
        String t = text.equals("''") ? "" : text;
        assertThatThrownBy(() -> ConditionParser.parse(t))
                .isInstanceOf(ConditionException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ConditionException) e).offset()).isEqualTo(offset));
    }
}
