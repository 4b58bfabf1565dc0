package org.imagingcatalog.publicweb.readmodel;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** The single row counting the catalog's changes: the basis of ETags and Last-Modified. */
@Entity
@Table(name = "catalog_state")
public class CatalogState extends PanacheEntityBase {

    /**
     * The PostgreSQL channel that tells every replica sharing this read model that it changed: the replica that
     * applied a change is the only one whose consumer saw it.
     */
    public static final String CHANGED_CHANNEL = "catalog_changed";
    private static final int THE_ROW = 1;

    @Id
    public int id;
    @Column(name = "change_counter")
    public long changeCounter;
    @Column(name = "last_modified")
    public Instant lastModified;

    public static CatalogStamp current() {
        CatalogState state = findById(THE_ROW);
        return state.stamp();
    }

    /**
     * Counts one more change, inside the transaction that made it, and tells the other replicas: PostgreSQL sends
     * the notification when (and only if) that transaction commits.
     */
    static CatalogStamp bump() {
        CatalogState state = findById(THE_ROW, LockModeType.PESSIMISTIC_WRITE);
        state.changeCounter++;
        state.lastModified = Instant.now();
        CatalogStamp stamp = state.stamp();
        // NOTIFY takes no bind parameters; the payload is two numbers
        getEntityManager().createNativeQuery("NOTIFY " + CHANGED_CHANNEL + ", '" + CatalogStampText.write(stamp) + "'")
                .executeUpdate();
        return stamp;
    }

    private CatalogStamp stamp() {
        return new CatalogStamp(changeCounter, lastModified);
    }
}
