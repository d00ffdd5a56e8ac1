package org.exhunt.yara.regex;

/** Receives each match of an exhaustive run: where it starts in the data and how many bytes it covers. */
@FunctionalInterface
public interface MatchCallback {

    void onMatch(int start, int length);
}
