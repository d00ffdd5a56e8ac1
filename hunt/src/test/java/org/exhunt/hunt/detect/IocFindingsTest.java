package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IocFindingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"HAFNIUM", "HAFNIUM / DEV-0322", "  APT 41  ", "--x--", "Été 2021", "a__b..c", "", "!!!",
        "DEV-0270 (Nemesis Kitten)", "ÆØÅ-9"})
    void aCampaignSlugIsWhatTheRegularExpressionsGave(String campaign) {
        String byRegex = campaign.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");

        assertThat(IocFindings.slug(campaign)).isEqualTo(byRegex);
    }

    @Test
    void examples() {
        assertThat(IocFindings.slug("HAFNIUM / DEV-0322")).isEqualTo("hafnium-dev-0322");
        assertThat(IocFindings.slug("ProxyShell (2021)")).isEqualTo("proxyshell-2021");
    }
}
