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
    void looksForTheFirstCharactersOfALongLiteral() {
        String head = "powershell -encodedcommand aqbmac";
        String literal = head + "gaoacqaqbhaguacwbh";
        LiteralAutomaton a = LiteralAutomaton.of(List.of(literal, "x"));
        List<Integer> hits = new ArrayList<>();
        a.scan("run " + literal, hits::add);
        assertThat(hits).containsExactly(0);
        hits.clear();
        a.scan("run " + head.substring(0, LiteralAutomaton.MAX_LITERAL_CHARS) + " and more", hits::add);
        assertThat(hits).as("a prefilter may report a literal that does not occur, never miss one").containsExactly(0);
        hits.clear();
        a.scan("run " + head.substring(0, LiteralAutomaton.MAX_LITERAL_CHARS - 1), hits::add);
        assertThat(hits).isEmpty();
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
