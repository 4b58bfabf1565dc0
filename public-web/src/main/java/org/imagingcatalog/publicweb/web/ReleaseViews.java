package org.imagingcatalog.publicweb.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.releases.ReleaseDiff;
import org.imagingcatalog.publicweb.export.ReleaseCitation;
import org.imagingcatalog.publicweb.releases.Release;
import org.imagingcatalog.publicweb.releases.ReleaseExport;

import com.fasterxml.jackson.databind.JsonNode;

/** The release pages' views, made from the releases and their diff. */
final class ReleaseViews {

    /** How many entries of each kind of change a page lists; the rest are counted and in the diff's JSON. */
    static final int SHOWN = 200;
    private static final int EXCERPT = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ReleaseViews() {
    }

    static ReleasesView list(List<Release> releases) {
        return new ReleasesView(releases.stream().map(r -> new ReleasesView.Row(r.name(), "/releases/" + r.name(),
                DAY.format(r.cutAt()), r.cutAt().toString(), count(r.entryCount()), count(r.listedCount()),
                excerpt(r.notes()))).toList());
    }

    /**
     * @param previousKnown whether the previous release is here to link to
     * @param diff the changes since the previous release, null when there is none to compare with
     */
    static ReleaseView release(Release r, boolean previousKnown, ReleaseDiff diff, String base) {
        List<ReleaseView.ExportLink> exports = ReleaseExport.ALL.stream()
                .map(e -> new ReleaseView.ExportLink(e.label(), e.note(), e.href(r.name()))).toList();
        String api = "/api/v1/releases/" + r.name();
        return new ReleaseView(r.name(), DAY.format(r.cutAt()), r.cutAt().toString(), count(r.entryCount()),
                count(r.listedCount()), count(r.withdrawnCount()), paragraphs(r.notes()), r.previous(),
                previousKnown ? "/releases/" + r.previous() : null, ReleaseCitation.text(base, r),
                ReleaseCitation.bibtex(base, r), exports, api + "/datacite.xml", api, diff == null ? null : changes(diff));
    }

    private static ReleaseView.Changes changes(ReleaseDiff diff) {
        List<ReleaseView.ChangedEntry> changed = first(diff.changed(), c -> new ReleaseView.ChangedEntry(c.id(), c.name(),
                c.fromVersion(), c.toVersion(), "/resources/" + c.id(), c.changes().stream().map(ReleaseViews::field)
                        .toList()));
        return new ReleaseView.Changes(diff.from(), "/releases/" + diff.from(),
                "/api/v1/releases/" + diff.from() + "/diff/" + diff.to(),
                first(diff.added(), ReleaseViews::ref), more(diff.added()), first(diff.restored(), ReleaseViews::ref),
                more(diff.restored()), first(diff.withdrawn(), ReleaseViews::ref), more(diff.withdrawn()), changed,
                more(diff.changed()));
    }

    private static ReleaseView.EntryRef ref(ReleaseDiff.Listed entry) {
        return new ReleaseView.EntryRef(entry.id(), entry.name(), entry.version(), "/resources/" + entry.id());
    }

    private static ReleaseView.FieldRow field(FieldChange change) {
        return new ReleaseView.FieldRow(ResourceDiff.label(change.field()), shown(change.before()),
                shown(change.after()));
    }

    /** A field's value as a sentence shows it: text as it is, lists joined, anything else as its JSON. */
    static String shown(Object value) {
        if (value == null) {
            return "not stated";
        }
        JsonNode node = EventJson.mapper().valueToTree(value);
        if (node.isArray()) {
            if (node.isEmpty()) {
                return "none";
            }
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            return String.join(", ", items);
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static <T, V> List<V> first(List<T> items, Function<T, V> view) {
        return items.stream().limit(SHOWN).map(view).toList();
    }

    private static int more(List<?> items) {
        return Math.max(0, items.size() - SHOWN);
    }

    private static String count(int n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** The notes as paragraphs: a blank line parts them. */
    private static List<String> paragraphs(String notes) {
        if (notes == null || notes.isBlank()) {
            return List.of();
        }
        return List.of(notes.strip().split("\\R\\s*\\R")).stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** The start of the notes, cut at a word, for the list. */
    private static String excerpt(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        String flat = notes.strip().replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) <= EXCERPT) {
            return flat;
        }
        String cut = flat.substring(0, flat.offsetByCodePoints(0, EXCERPT));
        int space = cut.lastIndexOf(' ');
        return (space > EXCERPT / 2 ? cut.substring(0, space) : cut) + "…";
    }
}
