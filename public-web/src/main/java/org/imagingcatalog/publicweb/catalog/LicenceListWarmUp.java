package org.imagingcatalog.publicweb.catalog;

import org.imagingcatalog.kit.licences.SpdxLicences;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads the SPDX licence list (about 0.4 s once) on a background thread right after start-up, so that neither the
 * start nor the first reader of a resource page (which shows {@code licenseSpdx}) waits for it.
 */
@ApplicationScoped
public class LicenceListWarmUp {

    void warmUp(@Observes StartupEvent startup) {
        Thread reader = new Thread(() -> SpdxLicences.of("CC-BY-4.0"), "spdx-licence-list");
        reader.setDaemon(true);
        reader.setPriority(Thread.MIN_PRIORITY);
        reader.start();
    }
}
