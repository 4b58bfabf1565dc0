package org.imagingcatalog.model.trust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "https://example.org/data example.org/data",
            "http://example.org/data example.org/data",                  // http and https alike
            "HTTPS://EXAMPLE.ORG/data example.org/data",                 // scheme and host in any case
            "https://www.example.org/data example.org/data",             // www. dropped
            "https://example.org:443/data example.org/data",             // default port dropped
            "http://example.org:80/data example.org/data",
            "https://example.org:8443/data example.org:8443/data",       // any other port counts
            "https://example.org/data/ example.org/data",                // trailing slash dropped
            "https://example.org/ example.org",
            "https://example.org example.org",
            "https://example.org/data#files example.org/data",           // fragment dropped
            "https://example.org/Data example.org/Data",                 // the path's case counts
            "https://example.org/data?id=3 example.org/data?id=3",       // the query counts
            "https://example.org/data?utm_source=x&id=3 example.org/data?id=3", // tracking parameters do not
            "https://example.org/%7Euser example.org/~user",             // needless escapes undone
            "https://example.org/a%2fb example.org/a%2Fb"                // needed ones kept, upper-case hex
    })
    void oneKeyForEverySpellingOfAnAddress(String url, String key) {
        assertThat(Urls.key(url)).contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/x", "example.org/data", "/relative", "https://", "mailto:a@b.org",
            "http://exa mple.org", "https://example.org/\nx"})
    void onlyAbsoluteWebAddressesHaveAKey(String text) {
        assertThat(Urls.isHttpUrl(text)).isFalse();
        assertThat(Urls.key(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "HTTPS://WWW.Example.ORG:443/Data/#top https://www.example.org/Data/",
            "http://example.org:8080/a?b=1 http://example.org:8080/a?b=1"
    })
    void theCleanFormStaysAWorkingLink(String url, String clean) {
        assertThat(Urls.clean(url)).contains(clean);
    }

    @ParameterizedTest
    @CsvSource({"https://WWW.GitHub.com/a/b, github.com", "http://dx.doi.org/10.1/x, dx.doi.org"})
    void theSiteIsTheHostWithoutWww(String url, String site) {
        assertThat(Urls.site(url)).contains(site);
    }
}
