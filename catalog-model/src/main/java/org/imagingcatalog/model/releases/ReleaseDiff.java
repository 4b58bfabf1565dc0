package org.imagingcatalog.model.releases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.diff.ResourceDiff;

/**
 * What changed for a reader from one release to a later one. An entry is <em>added</em> when it is listed in the
 * later release and was not in the earlier; <em>restored</em> when it was withdrawn then and is listed now;
 * <em>withdrawn</em> when it was listed then and is withdrawn now; <em>changed</em> when it is listed in both and its
 * content differs, field by field. A new version with the same content (withdrawn and restored in between) is no
 * change to a reader, and neither is an entry withdrawn in both.
 */
public record ReleaseDiff(String from, String to, List<Listed> added, List<Listed> restored, List<Listed> withdrawn,
        List<Changed> changed) {

    /** An entry at the version the later release holds (the earlier one's for a withdrawal). */
    public record Listed(String id, String name, int version) {
        static Listed of(Resource r) {
            return new Listed(r.id(), r.name(), r.version());
        }
    }

    public record Changed(String id, String name, int fromVersion, int toVersion, List<FieldChange> changes) {
    }

    /** One entry whose version differs between the releases; {@code before} is null when the earlier lacked it. */
    public record Pair(Resource before, Resource after) {
    }

    /**
     * @param from the earlier release's name, null for "nothing": every listed entry is then added
     * @param pairs the entries whose versions differ (the rest are the same version in both, so unchanged)
     */
    public static ReleaseDiff of(String from, String to, List<Pair> pairs) {
        List<Listed> added = new ArrayList<>();
        List<Listed> restored = new ArrayList<>();
        List<Listed> withdrawn = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (Pair pair : pairs) {
            boolean listedBefore = pair.before() != null && pair.before().status() == ResourceStatus.ACTIVE;
            boolean listedAfter = pair.after() != null && pair.after().status() == ResourceStatus.ACTIVE;
            if (listedAfter && pair.before() == null) {
                added.add(Listed.of(pair.after()));
            } else if (listedAfter && !listedBefore) {
                restored.add(Listed.of(pair.after()));
            } else if (listedBefore && !listedAfter) {
                withdrawn.add(Listed.of(pair.before()));
            } else if (listedBefore) {
                List<FieldChange> changes = ResourceDiff.between(pair.before(), pair.after());
                if (!changes.isEmpty()) {
                    changed.add(new Changed(pair.after().id(), pair.after().name(), pair.before().version(),
                            pair.after().version(), changes));
                }
            }
        }
        Comparator<Listed> byName = Comparator.comparing((Listed l) -> l.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(Listed::id);
        added.sort(byName);
        restored.sort(byName);
        withdrawn.sort(byName);
        changed.sort(Comparator.comparing((Changed c) -> c.name().toLowerCase(java.util.Locale.ROOT)).thenComparing(Changed::id));
        return new ReleaseDiff(from, to, List.copyOf(added), List.copyOf(restored), List.copyOf(withdrawn),
                List.copyOf(changed));
    }

    public boolean isEmpty() {
        return added.isEmpty() && restored.isEmpty() && withdrawn.isEmpty() && changed.isEmpty();
    }
}
