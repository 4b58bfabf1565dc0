package org.imagingcatalog.publicweb.readmodel;

import java.time.Instant;

import org.imagingcatalog.model.events.LinkChecked;
import org.imagingcatalog.model.events.LinkStatus;
import org.imagingcatalog.publicweb.catalog.LinkHealth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest check of one entry's landing page (V6), as the link-health topic last told it. */
@Entity
@Table(name = "link_check")
public class LinkCheck extends PanacheEntityBase {

    @Id
    @Column(name = "resource_id")
    public String resourceId;
    public String url;
    public String status;
    @Column(name = "http_status")
    public Integer httpStatus;
    @Column(name = "checked_at")
    public Instant checkedAt;
    @Column(name = "moved_to")
    public String movedTo;
    public String detail;

    static LinkCheck from(LinkChecked event) {
        LinkCheck check = new LinkCheck();
        check.resourceId = event.resourceId();
        check.copy(event);
        return check;
    }

    /** Takes the event's check; the caller has made sure it is later than the stored one. */
    void copy(LinkChecked event) {
        url = event.url();
        status = event.status().name();
        httpStatus = event.httpStatus();
        checkedAt = event.checkedAt();
        movedTo = event.movedTo();
        detail = event.detail();
    }

    public LinkHealth toHealth() {
        return new LinkHealth(LinkStatus.valueOf(status), checkedAt, httpStatus, movedTo, detail);
    }
}
