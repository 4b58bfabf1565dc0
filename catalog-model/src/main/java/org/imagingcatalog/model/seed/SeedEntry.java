package org.imagingcatalog.model.seed;

import java.util.List;

import org.imagingcatalog.model.Resource;

/** One entry of the seed list, with the pages its facts were read from. */
public record SeedEntry(Resource resource, List<String> sources) {
}
