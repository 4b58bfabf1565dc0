package org.imagingcatalog.publicweb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    private static final String JSON = "application/json";
    private static final String HTML = "text/html; charset=UTF-8";

    @Test
    void noHeaderOrAWildcardTakesAnything() {
        assertThat(AcceptHeader.allows(null, JSON)).isTrue();
        assertThat(AcceptHeader.allows(" ", HTML)).isTrue();
        assertThat(AcceptHeader.allows("*/*", JSON)).isTrue();
        assertThat(AcceptHeader.allows("text/*", HTML)).isTrue();
    }

    @Test
    void browsersAndClientsListsAreRead() {
        assertThat(AcceptHeader.allows("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", HTML)).isTrue();
        assertThat(AcceptHeader.allows("application/xml, APPLICATION/JSON;q=0.5", JSON)).isTrue();
    }

    @Test
    void anotherTypeOrARefusalIsLeftToContentNegotiation() {
        assertThat(AcceptHeader.allows("application/xml", JSON)).isFalse();
        assertThat(AcceptHeader.allows("text/html", JSON)).isFalse();
        assertThat(AcceptHeader.allows("image/*", HTML)).isFalse();
        assertThat(AcceptHeader.allows("application/json;q=0", JSON)).isFalse();
        assertThat(AcceptHeader.allows("application/json;q=x", JSON)).isFalse();
    }
}
