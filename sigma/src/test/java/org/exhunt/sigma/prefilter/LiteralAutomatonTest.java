package org.exhunt.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.exhunt.sigma.value.Fold;
import org.junit.jupiter.api.Test;

/**
 * The automaton against a plain search for every literal: exact on random texts over a small alphabet, never
 * missing one over a large alphabet (where rare characters share a class).
 */
class LiteralAutomatonTest {

    @Test
    void findsExactlyTheLiteralsThatOccur() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            TreeSet<String> set = new TreeSet<>();
            int n = 1 + random.nextInt(20);
            while (set.size() < n) set.add(randomText(random, 1 + random.nextInt(5)));
            List<String> literals = new ArrayList<>(set);
            LiteralAutomaton a = LiteralAutomaton.of(literals);
            String text = randomText(random, random.nextInt(60));
            TreeSet<Integer> found = new TreeSet<>();
            a.scan(text, found::add);
            TreeSet<Integer> expected = new TreeSet<>();
            for (int i = 0; i < literals.size(); i++) {
                if (text.contains(literals.get(i))) expected.add(i);
            }
            assertThat(found).as("%s in %s", literals, text).isEqualTo(expected);
        }
    }

    @Test
    void handlesTextBeyondAscii() {
        LiteralAutomaton a = LiteralAutomaton.of(List.of("–exec", "ü", "ab"));
        List<Integer> hits = new ArrayList<>();
        a.scan("x –exec für ab", hits::add);
        assertThat(hits).containsExactly(0, 1, 2);
    }

    @Test
    void neverMissesALiteralWhenRareCharactersShareAClass() {
        Random random = new Random(7);
        String alphabet = alphabet(3 * LiteralAutomaton.MAX_CLASSES);
        for (int round = 0; round < 300; round++) {
            TreeSet<String> set = new TreeSet<>();
            int n = 1 + random.nextInt(200);
            while (set.size() < n) set.add(randomText(random, alphabet, 1 + random.nextInt(4)));
            List<String> literals = new ArrayList<>(set);
            LiteralAutomaton a = LiteralAutomaton.of(literals);
            String text = randomText(random, alphabet, random.nextInt(200));
            TreeSet<Integer> found = new TreeSet<>();
            a.scan(text, found::add);
            for (int i = 0; i < literals.size(); i++) {
                if (text.contains(literals.get(i))) assertThat(found).as("%s in %s", literals.get(i), text).contains(i);
            }
        }
    }

    @Test
    void looksForTheLastCharactersOfALongLiteral() {
        String literal = "\\appdata\\local\\microsoft\\windows\\inetcache\\ie\\evil.exe";
        String tail = literal.substring(literal.length() - LiteralAutomaton.MAX_LITERAL_CHARS);
        LiteralAutomaton a = LiteralAutomaton.of(List.of(literal, "zq"));
        List<Integer> hits = new ArrayList<>();
        a.scan("run " + literal, hits::add);
        assertThat(hits).containsExactly(0);
        hits.clear();
        a.scan("run " + tail + " and more", hits::add);
        assertThat(hits).as("a prefilter may report a literal that does not occur, never miss one").containsExactly(0);
        hits.clear();
        a.scan("run " + tail.substring(1), hits::add);
        assertThat(hits).isEmpty();
    }

    @Test
    void asciiNeverSharesTheClassOfRareCharacters() {
        List<String> literals = new ArrayList<>();
        for (int c = 0x400; c < 0x400 + 2 * LiteralAutomaton.MAX_CLASSES; c++) {
            if (Fold.fold((char) c) == c) literals.add(String.valueOf((char) c));   // a homoglyph list
        }
        literals.add("{}");
        literals.add("$");
        LiteralAutomaton a = LiteralAutomaton.of(literals);
        List<Integer> hits = new ArrayList<>();
        a.scan("taskhostw.exe {222A245B-E637-4AE9-A93F-A59CA119A75E} $x", hits::add);
        assertThat(hits).containsExactlyInAnyOrder(literals.size() - 1);
    }

    private static String randomText(Random r, int len) {
        return randomText(r, "abcé", len);
    }

    private static String randomText(Random r, String alphabet, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return s.toString();
    }

    /** Folded characters from several scripts (Latin, Greek, Cyrillic). */
    private static String alphabet(int size) {
        StringBuilder s = new StringBuilder("abcdefghijklmnopqrstuvwxyz0123456789");
        for (char c = 'α'; s.length() < size; c++) {
            if (Fold.fold(c) == c && Character.isLetter(c)) s.append(c);
        }
        return s.toString();
    }
}
