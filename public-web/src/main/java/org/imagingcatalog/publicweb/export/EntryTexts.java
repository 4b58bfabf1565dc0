package org.imagingcatalog.publicweb.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;

/** What the DCAT-AP and Croissant exports both say of an entry in words. */
final class EntryTexts {

    private EntryTexts() {
    }

    /** The modalities it holds (flag Y), then its tags. */
    static Set<String> keywords(Resource r) {
        Set<String> keywords = new LinkedHashSet<>(modalities(r));
        r.tags().stream().filter(tag -> tag != null && !tag.isBlank()).forEach(keywords::add);
        return keywords;
    }

    /** Both formats require a description: for an entry without one, what the catalog itself states about it. */
    static String summary(Resource r) {
        List<String> modalities = modalities(r);
        StringBuilder text = new StringBuilder("A medical imaging data resource");
        if (!modalities.isEmpty()) {
            text.append(" with ").append(String.join(", ", modalities)).append(" images");
        }
        if (r.provider() != null && !r.provider().isBlank()) {
            text.append(", provided by ").append(r.provider());
        }
        return text.append(". Its provider's description is not recorded in the catalog.").toString();
    }

    private static List<String> modalities(Resource r) {
        List<String> labels = new ArrayList<>();
        for (Modality modality : Modality.values()) {
            if (r.flag(modality) == Availability.Y) {
                labels.add(modality.label());
            }
        }
        return labels;
    }
}
