package org.imagingcatalog.publicweb.cache;

import java.util.concurrent.atomic.AtomicReference;

import org.imagingcatalog.publicweb.readmodel.CatalogStamp;
import org.imagingcatalog.publicweb.readmodel.CatalogState;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The catalog's current stamp, held in memory so every request can answer 304 without touching the
 * database. The read model's consumer moves it forward after each committed change, which empties the
 * response cache.
 */
@Startup
@ApplicationScoped
public class CatalogVersion {

    private final ResponseCache cache;
    private final AtomicReference<CatalogStamp> current = new AtomicReference<>();

    public CatalogVersion(ResponseCache cache) {
        this.cache = cache;
    }

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
