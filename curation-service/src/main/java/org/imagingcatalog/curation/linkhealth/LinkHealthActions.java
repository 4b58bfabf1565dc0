package org.imagingcatalog.curation.linkhealth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.curation.security.CuratorGuard;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.events.LinkStatus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The link health actions both the attention page and the API call, each checking the curator role once: what needs
 * attention (filtered, sorted), accepting a permanent redirect as a new version of the entry (through
 * {@link CurationActions#patch}, so the version, its audit record and its event come as for any edit), and marking a
 * changed page as reviewed.
 */
@ApplicationScoped
public class LinkHealthActions {

    /** The orders of the attention list; a leading {@code -} reverses one. */
    public static final List<String> SORTS = List.of("status", "entry", "checked", "since");
    /** The order of "status": what is broken first, then moved, changed, not checked. */
    private static final List<LinkStatus> URGENCY = List.of(LinkStatus.BROKEN, LinkStatus.REDIRECTED, LinkStatus.CHANGED,
            LinkStatus.UNCHECKED);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final CuratorGuard guard;
    private final LinkHealthStore store;
    private final ResourceHistory history;
    private final CurationActions curation;
    private final LinkCheckConfig config;

    public LinkHealthActions(CuratorGuard guard, LinkHealthStore store, ResourceHistory history, CurationActions curation,
            LinkCheckConfig config) {
        this.guard = guard;
        this.store = store;
        this.history = history;
        this.curation = curation;
        this.config = config;
    }

    /** The rows shown, how many of each kind there are in all, and whether this installation checks links at all. */
    public record Attention(List<AttentionRow> rows, Map<String, Long> counts, String status, String sort,
            boolean checking) {
    }

    public Attention attention(String status, String sort) {
        guard.requireCurator();
        LinkStatus only = status(status);
        String order = sort(sort);
        Instant stale = Instant.now().minus(config.staleAfter());
        List<AttentionRow> all = new ArrayList<>();
        Map<String, ResourceHead> heads = new java.util.HashMap<>();
        history.heads().stream().filter(h -> ResourceStatus.ACTIVE.name().equals(h.status)).forEach(h -> heads.put(h.id, h));
        Set<String> seen = new HashSet<>();
        for (LinkState s : store.activeStates()) {
            seen.add(s.resourceId());
            ResourceHead head = heads.get(s.resourceId());
            boolean longUnchecked = s.checkedAt() == null || s.checkedAt().isBefore(stale);
            LinkStatus attention = switch (s.status()) {
                case BROKEN, REDIRECTED, CHANGED -> s.status();
                default -> longUnchecked && config.enabled() ? LinkStatus.UNCHECKED : null;
            };
            if (attention != null && head != null) {
                all.add(new AttentionRow(s.resourceId(), head.name, s.url(), s.kind(), attention, s.httpStatus(),
                        s.movedTo(), s.detail() != null ? s.detail() : s.checkedAt() == null ? "never checked" : null,
                        s.checkedAt(), s.since(), attention == LinkStatus.CHANGED
                                ? LineDiff.between(s.baselineText(), s.pageText()) : List.of()));
            }
        }
        if (config.enabled()) {
            for (ResourceHead head : heads.values()) {
                if (!seen.contains(head.id) && head.updatedAt.isBefore(stale)) {
                    all.add(new AttentionRow(head.id, head.name, head.url, LinkTarget.ENTRY, LinkStatus.UNCHECKED, null,
                            null, "never checked", null, head.updatedAt, List.of()));
                }
            }
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        all.forEach(row -> counts.merge(row.attention().name(), 1L, Long::sum));
        List<AttentionRow> rows = new ArrayList<>(all.stream().filter(r -> only == null || r.attention() == only).toList());
        rows.sort(order(order));
        return new Attention(rows, counts, only == null ? "" : only.name(), order, config.enabled());
    }

    /**
     * Accepts the permanent redirect last seen for the entry's address {@code url}: a new version with the address it
     * moved to, the reason saying so. Refused (409) when no such redirect is recorded, or the entry's address is no
     * longer {@code url}.
     */
    @Transactional
    public VersionView acceptMove(String resourceId, String url) {
        guard.requireCurator();
        ResourceHead head = history.head(resourceId).orElseThrow(() -> CurationProblem.notFound("No resource " + resourceId + "."));
        LinkState state = store.state(resourceId, checkedAddress(url))
                .filter(s -> s.status() == LinkStatus.REDIRECTED && s.movedTo() != null && LinkTarget.ENTRY.equals(s.kind()))
                .orElseThrow(() -> CurationProblem.conflict("No permanent redirect of " + resourceId + "'s address " + url
                        + " is on record; nothing was changed."));
        if (!head.url.equals(state.url())) {
            throw CurationProblem.conflict("The address of " + resourceId + " is " + head.url + " now, no longer " + url
                    + "; nothing was changed.");
        }
        String reason = "URL moved permanently: " + state.url() + " -> " + state.movedTo() + ", link check of "
                + DAY.format(state.checkedAt());
        VersionView version = curation.patch(resourceId, head.currentVersion,
                JsonNodeFactory.instance.objectNode().put("url", state.movedTo()), reason);
        store.forget(resourceId, state.url());
        return version;
    }

    /** A curator looked at a changed page: its text now becomes what later checks compare with. */
    @Transactional
    public LinkState markReviewed(String resourceId, String url) {
        guard.requireCurator();
        history.head(resourceId).orElseThrow(() -> CurationProblem.notFound("No resource " + resourceId + "."));
        LinkState state = store.state(resourceId, checkedAddress(url)).filter(s -> s.status() == LinkStatus.CHANGED)
                .orElseThrow(() -> CurationProblem.conflict("The page " + url + " of " + resourceId
                        + " is not marked as changed; nothing was changed."));
        return store.rebaseline(state);
    }

    /** The address a form names: one the checker could have stored, or a 400 naming the field (changing nothing). */
    private static String checkedAddress(String url) {
        if (url == null || url.isBlank() || url.length() > Limits.URL_MAX || url.chars().anyMatch(Character::isISOControl)) {
            throw CurationProblem.invalidField("url", "Not an address the link check could have recorded: at most "
                    + Limits.URL_MAX + " characters, without control characters. Nothing was changed.");
        }
        return url;
    }

    private static LinkStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LinkStatus status = LinkStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
            if (status != LinkStatus.OK) {
                return status;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw CurationProblem.invalidField("status", "must be BROKEN, REDIRECTED, CHANGED or UNCHECKED (or empty for all)");
    }

    private static String sort(String value) {
        String order = value == null || value.isBlank() ? "status" : value.strip().toLowerCase(Locale.ROOT);
        if (!SORTS.contains(order.startsWith("-") ? order.substring(1) : order)) {
            throw CurationProblem.invalidField("sort", "must be one of " + String.join(", ", SORTS)
                    + ", each with a leading - for the reverse order");
        }
        return order;
    }

    private static Comparator<AttentionRow> order(String sort) {
        Comparator<AttentionRow> byEntry = Comparator.comparing((AttentionRow r) -> r.entryName().toLowerCase(Locale.ROOT))
                .thenComparing(AttentionRow::url);
        Comparator<AttentionRow> comparator = switch (sort.replace("-", "")) {
            case "entry" -> byEntry;
            case "checked" -> Comparator.comparing(AttentionRow::checkedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(byEntry);
            case "since" -> Comparator.comparing(AttentionRow::since, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(byEntry);
            default -> Comparator.comparing((AttentionRow r) -> URGENCY.indexOf(r.attention())).thenComparing(AttentionRow::since,
                    Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(byEntry);
        };
        return sort.startsWith("-") ? comparator.reversed() : comparator;
    }
}
