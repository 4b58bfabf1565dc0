package org.imagingcatalog.curation.linkhealth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** robots.txt as RFC 9309 reads it, for our product token. */
class RobotsRulesTest {

    private static final String US = "ImagingDataCatalog-LinkCheck";

    @Test
    void theGroupNamingUsWinsOverTheStarGroup() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /

                User-agent: imagingdatacatalog-linkcheck
                User-agent: OtherBot
                Disallow: /private # not for us
                """, US);
        assertThat(rules.allows("/data")).isTrue();
        assertThat(rules.allows("/private/x")).isFalse();
    }

    @Test
    void theStarGroupAppliesWhenNoGroupNamesUsAndTheLongestRuleWins() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: SomeoneElse
                Disallow: /

                User-agent: *
                Disallow: /datasets/
                Allow: /datasets/public
                Disallow: /*.zip$
                Disallow:
                """, US);
        assertThat(rules.allows("/")).isTrue();
        assertThat(rules.allows("/datasets/secret")).isFalse();
        assertThat(rules.allows("/datasets/public/ct")).isTrue();
        assertThat(rules.allows("/files/all.zip")).isFalse();
        assertThat(rules.allows("/files/all.zip?x=1")).isTrue();
        assertThat(rules.reason("/datasets/secret")).isEqualTo("robots.txt: Disallow: /datasets/");
    }

    @Test
    void noRulesAllowEverything() {
        assertThat(RobotsRules.parse("", US).allows("/anything")).isTrue();
        assertThat(RobotsRules.ALLOW_ALL.allows("/")).isTrue();
    }
}
