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

    /**
     * Called after a change to the read model committed, by this replica's consumer or by the news of another
     * replica's. Only moves forward: news that arrives late never takes a reader back to an older catalog.
     */
    public void changed(CatalogStamp stamp) {
        CatalogStamp before = current.getAndAccumulate(stamp, CatalogVersion::newer);
        if (before == null || stamp.counter() > before.counter()) {
            cache.clear();
        }
    }

    private static CatalogStamp newer(CatalogStamp held, CatalogStamp offered) {
        return held == null || offered.counter() > held.counter() ? offered : held;
    }
}
