/**
 * The YARA 4.2 rule language as text: {@link org.exhunt.yara.syntax.Lexer} makes positioned tokens,
 * {@link org.exhunt.yara.syntax.Parser} builds the tree of {@link org.exhunt.yara.syntax.RuleDecl}s (with
 * their {@link org.exhunt.yara.syntax.StringDecl}s and condition {@link org.exhunt.yara.syntax.Expr}s),
 * following libyara 4.2.3's grammar, its operator precedence and its lexical quirks, and recovering after a
 * syntax error at the next rule so that one bad rule does not hide the others' problems. Meaning (types,
 * identifiers, modules) is the compiler's business.
 */
package org.exhunt.yara.syntax;
