package org.imagingcatalog.publicweb.readmodel;

import java.io.Serializable;

/** Identifies one version in the public change log. */
public record ChangeKey(String resourceId, int version) implements Serializable {
}
