package org.exhunt.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The automaton against a plain search for every literal, on random texts over a small alphabet. */
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

    private static String randomText(Random r, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < len; i++) s.append("abcé".charAt(r.nextInt(4)));
        return s.toString();
    }
}
