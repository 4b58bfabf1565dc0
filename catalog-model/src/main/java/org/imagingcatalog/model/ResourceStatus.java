package org.imagingcatalog.model;

/** Whether a published entry is listed in the catalog or was withdrawn (its page stays). */
public enum ResourceStatus {
    ACTIVE, WITHDRAWN
}
