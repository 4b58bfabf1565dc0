package org.imagingcatalog.publicweb.web;

import java.util.List;

/** Everything a release's page shows, prepared so the template only lays it out. */
public record ReleaseView(String name, String cutOn, String cutAt, String entryCount, String listedCount,
        String withdrawnCount, List<String> notes, String previous, String previousUrl, String citation, String bibtex,
        List<ExportLink> exports, String dataciteUrl, String apiUrl, Changes changes) {

    public record ExportLink(String label, String note, String href) {
    }

    /**
     * What changed since the previous release, each list by name and cut at {@link ReleaseViews#SHOWN} entries
     * ({@code more*} say how many more the diff holds); {@code diffUrl} is the whole diff as JSON.
     */
    public record Changes(String since, String sinceUrl, String diffUrl, List<EntryRef> added, int moreAdded,
            List<EntryRef> restored, int moreRestored, List<EntryRef> withdrawn, int moreWithdrawn,
            List<ChangedEntry> changed, int moreChanged) {

        public boolean none() {
            return added.isEmpty() && restored.isEmpty() && withdrawn.isEmpty() && changed.isEmpty();
        }

        public int addedCount() {
            return added.size() + moreAdded;
        }

        public int restoredCount() {
            return restored.size() + moreRestored;
        }

        public int withdrawnCount() {
            return withdrawn.size() + moreWithdrawn;
        }

        public int changedCount() {
            return changed.size() + moreChanged;
        }
    }

    /** An entry at the version a release holds, linking its page. */
    public record EntryRef(String id, String name, int version, String url) {
    }

    public record ChangedEntry(String id, String name, int fromVersion, int toVersion, String url,
            List<FieldRow> fields) {
    }

    /** One field's change, as people read it: "licence: CC-BY-4.0 → CC0-1.0". */
    public record FieldRow(String label, String before, String after) {
    }
}
