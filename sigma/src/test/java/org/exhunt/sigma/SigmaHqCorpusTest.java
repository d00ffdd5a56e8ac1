package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.exhunt.core.testing.TestEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Every rule document of SigmaHQ's rule set loads: placeholder rules load as inactive, and nothing else is
 * refused. A refusal here is a bug in the engine, not in SigmaHQ.
 */
class SigmaHqCorpusTest {

    @Test
    void everySigmaHqRuleLoads() throws IOException {
        Path corpus = TestEnvironment.corpus("sigma/sigmahq");
        SigmaLoader loader = new SigmaLoader(Fixtures.projectMappings(), Placeholders.none());
        loader.loadPath(corpus);
        SigmaRules rules = loader.build();

        assertThat(rules.problems()).as("rules not loaded").isEmpty();
        assertThat(rules.loaded().size() + rules.inactive().size()).isEqualTo(3780);
        long placeholderRules = rules.loaded().stream().filter(r -> r.where().file().contains("rules-placeholder")).count();
        assertThat(placeholderRules).as("rules-placeholder rules that run without placeholder values").isZero();
        assertThat(rules.inactive()).as("inactive rules name the placeholders they lack")
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.placeholders()).isNotEmpty());
    }

    @Test
    void theRulePacksOwnSigmaRulesLoadAndAllRun() throws IOException {
        SigmaLoader loader = new SigmaLoader(Fixtures.projectMappings(), Placeholders.none());
        loader.loadPath(Fixtures.rulesFolder().resolve("sigma"));
        SigmaRules rules = loader.build();
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.loaded()).isNotEmpty();
        assertThat(rules.unrouted()).as("pack rules whose log source no mapping routes").isEmpty();
    }
}
