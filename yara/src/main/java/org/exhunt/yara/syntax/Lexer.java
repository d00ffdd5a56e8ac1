package org.exhunt.yara.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits rule source (bytes, as libyara reads them) into {@link Token}s, with libyara 4.2.3's lexical
 * rules: text strings know {@code \t \n \r \" \\ \xNN} only; a regex ends at an unescaped {@code /} and
 * takes the flags {@code i}, {@code s} or {@code is}; a hex string is the longest brace-delimited run of hex
 * digits, wildcards, jumps, alternations, spaces and comments (so a rule body's <code>{</code> is a plain
 * brace); {@code int8}..{@code uint32be} are one token; integers may end in {@code KB}/{@code MB} or be
 * written {@code 0x..}/{@code 0o..}, and overflow is an error; identifiers are at most 128 characters; a text
 * string, regex or include path of more than {@value #MAX_BUFFERED} bytes ends the input, as libyara's lexer
 * runs out of its buffer there.
 */
public final class Lexer {

    private static final int MAX_IDENTIFIER = 128;
    /** What libyara's {@code YR_LEX_BUF_SIZE} (8,192 bytes) holds of a text string, regex or include path. */
    static final int MAX_BUFFERED = 8190;

    /** Set once a string outgrew libyara's buffer: from there on the input has ended. */
    private boolean outOfRoom;

    private final byte[] src;
    private final String file;
    private final int[] lineStarts;
    private int pos;
    /** The line (from 0) of the last position asked for. */
    private int lastLine;

    public Lexer(byte[] source, String file) {
        this.src = source;
        this.file = file;
        int lines = 1;
        for (byte b : source) if (b == '\n') lines++;
        lineStarts = new int[lines];
        int l = 1;
        for (int i = 0; i < source.length; i++) if (source[i] == '\n') lineStarts[l++] = i + 1;
    }

    /** The position of byte offset {@code offset}. */
    public SourcePos position(int offset) {
        int line = lastLine;
        // Tokens come in order, so the line is mostly the last one or the next few: no search for them.
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset && line - lastLine < 4) line++;
        if (offset < lineStarts[line] || (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset)) {
            line = Arrays.binarySearch(lineStarts, offset);
            if (line < 0) line = -line - 2;
        }
        lastLine = line;
        return new SourcePos(file, line + 1, offset - lineStarts[line] + 1);
    }

    /** Whether a string outgrew libyara's lexer buffer: the input ends there (every token after is the end). */
    public boolean outOfRoom() {
        return outOfRoom;
    }

    /** A string of {@code length} bytes, unless libyara's lexer would have run out of room for it. */
    private void fits(int length, SourcePos at) throws SyntaxError {
        if (length <= MAX_BUFFERED) return;
        outOfRoom = true;
        throw new SyntaxError("out of space in lex_buf", at);
    }

    private int peek(int ahead) {
        int i = pos + ahead;
        return i < src.length ? src[i] & 0xFF : -1;
    }

    /** The next token; throws on a lexical error, after which lexing may continue unless {@link #outOfRoom}. */
    public Token next() throws SyntaxError {
        skipSpaceAndComments();
        int start = pos;
        SourcePos at = position(start);
        int c = peek(0);
        if (c == -1 || outOfRoom) return token(TokenKind.EOF, "", at);

        if (c == '"') return textString(at);
        if (c == '/') return regex(at);
        if (c == '{') {
            int end = hexStringEnd(start);
            if (end > 0) {
                pos = end;
                return new Token(TokenKind.HEX_STRING, latin1(start, end), null, 0, 0, at);
            }
        }
        if (c == '$' || c == '#' || c == '@' || (c == '!' && peek(1) != '=')) return stringIdentifier(at);
        if (isLetter(c) || c == '_') return word(at);
        if (isDigit(c)) return number(at);
        return punct(at);
    }

    private Token token(TokenKind kind, String text, SourcePos at) {
        return new Token(kind, text, null, 0, 0, at);
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private String latin1(int from, int to) {
        return new String(src, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private void skipSpaceAndComments() throws SyntaxError {
        while (pos < src.length) {
            int c = src[pos] & 0xFF;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < src.length && src[pos] != '\n') pos++;
            } else if (c == '/' && peek(1) == '*') {
                int close = indexOf("*/", pos + 2);
                pos = close < 0 ? src.length : close + 2;
            } else {
                break;
            }
        }
    }

    private int indexOf(String needle, int from) {
        outer:
        for (int i = from; i + needle.length() <= src.length; i++) {
            for (int j = 0; j < needle.length(); j++) if (src[i + j] != needle.charAt(j)) continue outer;
            return i;
        }
        return -1;
    }

    private Token textString(SourcePos at) throws SyntaxError {
        pos++; // opening quote
        int start = pos;
        int end = plainTextEnd(start);
        if (end >= 0) {
            fits(end - start, at);
            pos = end + 1;
            return new Token(TokenKind.TEXT_STRING, "", Arrays.copyOfRange(src, start, end), 0, 0, at);
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        SyntaxError escapeError = null;
        while (true) {
            int c = peek(0);
            if (c == -1 || c == '\n') {
                throw new SyntaxError("unterminated string", at);
            }
            pos++;
            if (c == '"') break;
            if (c != '\\') {
                value.write(c);
                continue;
            }
            int e = peek(0);
            if (e == 't' || e == 'n' || e == 'r' || e == '"' || e == '\\') {
                pos++;
                value.write(switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else if (e == 'x' && isHexDigit(peek(1)) && isHexDigit(peek(2))) {
                value.write(Integer.parseInt(latin1(pos + 1, pos + 3), 16));
                pos += 3;
            } else {
                if (escapeError == null) escapeError = new SyntaxError("illegal escape sequence", position(pos - 1));
                if (e != -1 && e != '\n') pos++;
            }
        }
        fits(value.size(), at);
        if (escapeError != null) throw escapeError;
        return new Token(TokenKind.TEXT_STRING, "", value.toByteArray(), 0, 0, at);
    }

    /**
     * The closing quote of a text string from {@code from} without escapes, or -1 when it has some or is
     * unterminated: most strings, copied at once instead of byte by byte.
     */
    private int plainTextEnd(int from) {
        for (int i = from; i < src.length; i++) {
            byte b = src[i];
            if (b == '"') return i;
            if (b == '\\' || b == '\n') return -1;
        }
        return -1;
    }

    private Token regex(SourcePos at) throws SyntaxError {
        pos++; // opening slash
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int c = peek(0);
            if (c == -1 || c == '\n') throw new SyntaxError("unterminated regular expression", at);
            if (c == '/') {
                pos++;
                break;
            }
            if (c == '\\' && peek(1) == '/') {
                body.write('/');
                pos += 2;
            } else if (c == '\\' && peek(1) != -1 && peek(1) != '\n') {
                body.write(c);
                body.write(peek(1));
                pos += 2;
            } else if (c == '\\') {
                body.write(c);
                pos++;
            } else {
                body.write(c);
                pos++;
            }
        }
        int flags = 0;
        if (peek(0) == 'i') {
            flags |= 1;
            pos++;
        }
        if (peek(0) == 's') {
            flags |= 2;
            pos++;
        }
        fits(body.size(), at);
        if (body.size() == 0) throw new SyntaxError("empty regular expression", at);
        return new Token(TokenKind.REGEX, "", body.toByteArray(), flags, 0, at);
    }

    /**
     * End (exclusive) of the longest hex-string token starting at the brace at {@code start}, or -1. Inside:
     * hex digits, {@code - | ? [ ] ( )}, space, tab, CR, LF, block comments without a {@code *} inside, and
     * line comments, which may end anywhere before the line break as in libyara's flex pattern: a
     * {@code }} inside one can close the token, unless a later brace makes a longer one.
     */
    private int hexStringEnd(int start) {
        int n = src.length;
        int best = -1;
        int i = start + 1;
        while (i < n) {
            int c = src[i] & 0xFF;
            if (c == '}') {
                return i > start + 1 ? i + 1 : best;
            } else if (isHexDigit(c) || c == ' ' || c == '-' || c == '|' || c == '?' || c == '[' || c == ']'
                    || c == '(' || c == ')' || c == '\n' || c == '\r' || c == '\t') {
                i++;
            } else if (c == '/' && i + 1 < n && src[i + 1] == '*') {
                int j = i + 2;
                while (j < n && src[j] != '*') j++;
                if (j + 1 >= n || src[j + 1] != '/') return best;
                i = j + 2;
            } else if (c == '/' && i + 1 < n && src[i + 1] == '/') {
                int j = i + 2;
                while (j < n && src[j] != '\n') {
                    if (src[j] == '}') best = j + 1;
                    j++;
                }
                i = j;
            } else {
                return best;
            }
        }
        return best;
    }

    private Token stringIdentifier(SourcePos at) {
        int start = pos;
        int sigil = src[pos] & 0xFF;
        pos++;
        while (pos < src.length && (isLetter(src[pos]) || isDigit(src[pos]) || src[pos] == '_')) pos++;
        String name = "$" + latin1(start + 1, pos);
        if (sigil == '$' && peek(0) == '*') {
            pos++;
            return token(TokenKind.STRING_IDENTIFIER_WILDCARD, name + "*", at);
        }
        TokenKind kind = switch (sigil) {
            case '$' -> TokenKind.STRING_IDENTIFIER;
            case '#' -> TokenKind.STRING_COUNT;
            case '@' -> TokenKind.STRING_OFFSET;
            default -> TokenKind.STRING_LENGTH;
        };
        return token(kind, name, at);
    }

    private static final java.util.Set<String> INTEGER_FUNCTIONS = java.util.Set.of("int8", "int16", "int32",
            "int8be", "int16be", "int32be", "uint8", "uint16", "uint32", "uint8be", "uint16be", "uint32be");

    private Token word(SourcePos at) throws SyntaxError {
        int start = pos;
        while (pos < src.length && (isLetter(src[pos]) || isDigit(src[pos]) || src[pos] == '_')) pos++;
        String word = latin1(start, pos);
        if (INTEGER_FUNCTIONS.contains(word)) return token(TokenKind.INTEGER_FUNCTION, word, at);
        if (word.equals("include")) {
            int save = pos;
            int i = pos;
            while (i < src.length && (src[i] == ' ' || src[i] == '\t')) i++;
            if (i > pos && i < src.length && src[i] == '"') {
                pos = i;
                Token path = textString(at);
                return new Token(TokenKind.INCLUDE, "include", path.bytes(), 0, 0, at);
            }
            pos = save;
        }
        TokenKind keyword = TokenKind.keyword(word);
        if (keyword != null) return token(keyword, word, at);
        if (word.length() > MAX_IDENTIFIER) throw new SyntaxError("identifier too long", at);
        return token(TokenKind.IDENTIFIER, word, at);
    }

    private Token number(SourcePos at) throws SyntaxError {
        int start = pos;
        if (peek(0) == '0' && peek(1) == 'x' && isHexDigit(peek(2))) {
            pos += 2;
            while (isHexDigit(peek(0))) pos++;
            return integer(at, start, latin1(start + 2, pos), 16);
        }
        if (peek(0) == '0' && peek(1) == 'o' && peek(2) >= '0' && peek(2) <= '7') {
            pos += 2;
            while (peek(0) >= '0' && peek(0) <= '7') pos++;
            return integer(at, start, latin1(start + 2, pos), 8);
        }
        while (isDigit(peek(0))) pos++;
        if (peek(0) == '.' && isDigit(peek(1))) {
            pos++;
            while (isDigit(peek(0))) pos++;
            String text = latin1(start, pos);
            return new Token(TokenKind.DOUBLE, text, null, 0, Double.parseDouble(text), at);
        }
        String digits = latin1(start, pos);
        long multiplier = 1;
        if (peek(0) == 'K' && peek(1) == 'B') {
            multiplier = 1024;
            pos += 2;
        } else if (peek(0) == 'M' && peek(1) == 'B') {
            multiplier = 1048576;
            pos += 2;
        }
        Token t = integer(at, start, digits, 10);
        if (multiplier == 1) return t;
        if (t.number() > Long.MAX_VALUE / multiplier) {
            throw new SyntaxError("integer overflow in \"" + latin1(start, pos) + "\"", at);
        }
        return new Token(TokenKind.NUMBER, latin1(start, pos), null, t.number() * multiplier, 0, at);
    }

    private Token integer(SourcePos at, int start, String digits, int radix) throws SyntaxError {
        try {
            long v = Long.parseLong(digits, radix);
            return new Token(TokenKind.NUMBER, latin1(start, pos), null, v, 0, at);
        } catch (NumberFormatException e) {
            int end = pos;
            while (end < src.length && (isLetter(src[end]) || isDigit(src[end]))) end++;
            throw new SyntaxError("integer overflow in \"" + latin1(start, Math.max(end, pos)) + "\"", at);
        }
    }

    private static final String[] TWO_CHAR = {"..", "<=", ">=", "==", "!=", "<<", ">>"};

    private Token punct(SourcePos at) throws SyntaxError {
        for (String op : TWO_CHAR) {
            if (peek(0) == op.charAt(0) && peek(1) == op.charAt(1)) {
                pos += 2;
                return token(TokenKind.PUNCT, op, at);
            }
        }
        int c = peek(0);
        pos++;
        if (c < 32 || c >= 127) throw new SyntaxError("non-ascii character", at);
        return token(TokenKind.PUNCT, String.valueOf((char) c), at);
    }
}
