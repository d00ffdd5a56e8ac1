package org.exhunt.yara.regex;

/** A regex or hex string YARA would refuse; the message is libyara's ("bad repeat interval"). */
public final class RegexSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    public RegexSyntaxException(String message) {
        super(message);
    }
}
