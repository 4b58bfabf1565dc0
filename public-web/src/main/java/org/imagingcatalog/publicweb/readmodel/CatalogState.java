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

    /** Counts one more change; inside the transaction that made it. */
    static CatalogStamp bump() {
        CatalogState state = findById(THE_ROW, LockModeType.PESSIMISTIC_WRITE);
        state.changeCounter++;
        state.lastModified = Instant.now();
        return state.stamp();
    }

    private CatalogStamp stamp() {
        return new CatalogStamp(changeCounter, lastModified);
    }
}
