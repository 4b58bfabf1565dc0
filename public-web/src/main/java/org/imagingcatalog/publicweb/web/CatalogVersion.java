package org.imagingcatalog.publicweb.web;

import java.util.concurrent.atomic.AtomicReference;

import org.imagingcatalog.publicweb.readmodel.CatalogState;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The catalog's current stamp, held in memory so every request can answer 304 without touching the
 * database. The read model moves it forward after each committed change; the response cache listens.
 */
@Startup
@ApplicationScoped
public class CatalogVersion {

    @Inject
    ResponseCache cache;

    private final AtomicReference<CatalogStamp> current = new AtomicReference<>();

    @PostConstruct
    void load() {
        current.set(QuarkusTransaction.requiringNew().call(CatalogState::current));
    }

    public CatalogStamp current() {
        return current.get();
    }

    /** Called after a change to the read model committed. */
    public void changed(CatalogStamp stamp) {
        current.set(stamp);
        cache.clear();
    }
}
