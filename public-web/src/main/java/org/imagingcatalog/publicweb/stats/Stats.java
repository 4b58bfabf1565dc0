package org.imagingcatalog.publicweb.stats;

import java.util.List;

/** The survey's headline figures over the listed catalog. */
public record Stats(long resources, List<Figure> figures) {
}
