package org.imagingcatalog.kit.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.imagingcatalog.kit.licences.SpdxLicences.SpdxLicence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spdx.Configuration;

class SpdxLicencesTest {

    /** Every address a URL connection of this JVM asks for; each is sent to a closed port on this machine. */
    private static final List<URI> ASKED = new CopyOnWriteArrayList<>();
    private static ProxySelector before;

    @BeforeAll
    static void recordEveryConnection() {
        before = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                ASKED.add(uri);
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 1)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
            }
        });
    }

    @AfterAll
    static void restore() {
        ProxySelector.setDefault(before);
    }

    @Test
    void anSpdxIdOrExpressionInAnyLetterCaseIsItselfInTheListsCase() {
        assertThat(SpdxLicences.of("CC-BY-4.0")).isEqualTo(new SpdxLicence("CC-BY-4.0", true,
                "Creative Commons Attribution 4.0 International"));
        assertThat(SpdxLicences.of("cc-by-nc-sa-4.0")).extracting(SpdxLicence::spdx, SpdxLicence::stated)
                .containsExactly("CC-BY-NC-SA-4.0", true);
        assertThat(SpdxLicences.spdxOf("cc-by-4.0 or mit")).isEqualTo("CC-BY-4.0 OR MIT");
        assertThat(SpdxLicences.spdxOf("(MIT AND Apache-2.0) OR GPL-2.0-or-later")).isEqualTo("(MIT AND Apache-2.0) OR GPL-2.0-or-later");
        assertThat(SpdxLicences.spdxOf("GPL-2.0-only WITH Classpath-exception-2.0"))
                .isEqualTo("GPL-2.0-only WITH Classpath-exception-2.0");
        assertThat(SpdxLicences.of("LicenseRef-CORD-19")).isEqualTo(new SpdxLicence("LicenseRef-CORD-19", true, null));
        assertThat(SpdxLicences.of("CC-BY-4.0 OR MIT").url()).as("an expression has no one page").isNull();
        assertThat(SpdxLicences.of("Apache-2.0").url()).isEqualTo("https://spdx.org/licenses/Apache-2.0.html");
    }

    @Test
    void aCommonSpellingOfAListedLicenceMapsToItsIdByTheListsOwnIdsAndNames() {
        assertThat(SpdxLicences.of("CC BY 4.0")).isEqualTo(new SpdxLicence("CC-BY-4.0", false,
                "Creative Commons Attribution 4.0 International"));
        assertThat(SpdxLicences.spdxOf("CC BY-NC-SA 4.0")).isEqualTo("CC-BY-NC-SA-4.0");
        assertThat(SpdxLicences.spdxOf("Creative Commons Attribution 4.0 International")).isEqualTo("CC-BY-4.0");
        assertThat(SpdxLicences.spdxOf("creative commons attribution non-commercial 4.0")).isEqualTo("CC-BY-NC-4.0");
        assertThat(SpdxLicences.spdxOf("Apache 2.0")).isEqualTo("Apache-2.0");
        assertThat(SpdxLicences.spdxOf("Apache License, Version 2.0")).isEqualTo("Apache-2.0");
        assertThat(SpdxLicences.spdxOf("MIT License")).isEqualTo("MIT");
        assertThat(SpdxLicences.of("  CC BY 4.0 ")).isEqualTo(SpdxLicences.of("CC BY 4.0"));
        // punctuation is not part of a spelling: an unbalanced parenthesis around one id still names it
        assertThat(SpdxLicences.of("(MIT")).extracting(SpdxLicence::spdx, SpdxLicence::stated).containsExactly("MIT", false);
    }

    @Test
    void anythingElseMapsToNothing() {
        for (String stated : new String[] { "see website", "Custom licence of the hospital", "CC BY", "MIT AND",
                "FOO", "Apache-2.0 WITH not-an-exception", "MIT OR (Apache-2.0", "", "   " }) {
            assertThat(SpdxLicences.of(stated)).as(stated).isNull();
        }
        assertThat(SpdxLicences.of(null)).isNull();
    }

    @Test
    void theAnswersComeFromTheListInTheJarWithoutAnyConnection() throws Exception {
        for (String stated : new String[] { "CC BY 4.0", "MIT OR Apache-2.0", "no such licence", "GPL-3.0-or-later" }) {
            SpdxLicences.of(stated);
        }
        assertThat(SpdxLicences.listVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(Configuration.getInstance().getProperty(SpdxLicences.JAR_ONLY)).isEqualTo("true");
        assertThat(ASKED).as("no lookup asked for any address").isEmpty();

        // the watch works: a connection the library would open is seen (and refused on this machine)
        assertThatThrownBy(() -> new URL("https://spdx.org/licenses/licenses.json").openConnection().connect())
                .isInstanceOf(IOException.class);
        assertThat(ASKED).extracting(URI::getHost).containsExactly("spdx.org");
    }
}
