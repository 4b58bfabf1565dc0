package org.imagingcatalog.curation.review;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds catalog entries a proposal probably duplicates: the same normalised URL, or a very similar name. */
@ApplicationScoped
public class DuplicateFinder {

    /** A likely duplicate and why; {@code nameSimilarity}: how alike the names are in percent, null for the same URL. */
    public record Duplicate(String resourceId, String name, String url, String why, Integer nameSimilarity) {

        public boolean byName() {
            return nameSimilarity != null;
        }
    }

    private final ResourceHistory history;
    private final double nameThreshold;

    public DuplicateFinder(ResourceHistory history,
            @ConfigProperty(name = "curation.duplicates.name-similarity", defaultValue = "0.85") double nameThreshold) {
        this.history = history;
        this.nameThreshold = nameThreshold;
    }

    public List<Duplicate> likelyDuplicates(String excludeId, String name, String url) {
        return likelyDuplicates(excludeId, name, url, history.heads());
    }

    /** The same against heads read once (a page of the queue checks each of its items against the same catalog). */
    public List<Duplicate> likelyDuplicates(String excludeId, String name, String url, List<ResourceHead> heads) {
        String normalUrl = normaliseUrl(url);
        String normalName = normaliseName(name);
        List<Duplicate> found = new ArrayList<>();
        for (ResourceHead head : heads) {
            if (Objects.equals(head.id, excludeId)) {
                continue;
            }
            if (!normalUrl.isEmpty() && normalUrl.equals(normaliseUrl(head.url))) {
                found.add(new Duplicate(head.id, head.name, head.url, "same URL", null));
            } else if (!normalName.isEmpty()) {
                double similarity = nameSimilarity(normalName, normaliseName(head.name));
                if (similarity >= nameThreshold) {
                    int percent = (int) Math.round(similarity * 100);
                    found.add(new Duplicate(head.id, head.name, head.url, "similar name (" + percent + "% alike)", percent));
                }
            }
        }
        return found;
    }

    /** Lower-case host without scheme, "www.", port 80/443, query, fragment or trailing slash. */
    public static String normaliseUrl(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String s = url.trim();
        try {
            URI uri = URI.create(s.contains("://") ? s : "http://" + s);
            if (uri.getHost() != null) {
                String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
                String path = uri.getRawPath() == null ? "" : uri.getRawPath();
                return (host + path).replaceAll("/+$", "");
            }
        } catch (IllegalArgumentException e) {
            // not a URI: fall back to the text rules below
        }
        return s.toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "").replaceFirst("^www\\.", "")
                .replaceAll("[?#].*$", "").replaceAll("/+$", "");
    }

    /** Lower-case words of letters and digits, joined by one space. */
    public static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(t -> !t.isEmpty()).collect(Collectors.joining(" "));
    }

    /** The larger of the Levenshtein ratio and the token overlap (Jaccard) of two normalised names, 0..1. */
    public static double nameSimilarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int longest = Math.max(a.length(), b.length());
        double edit = 1.0 - (double) levenshtein(a, b) / longest;
        Set<String> ta = new HashSet<>(Arrays.asList(a.split(" ")));
        Set<String> tb = new HashSet<>(Arrays.asList(b.split(" ")));
        long common = ta.stream().filter(tb::contains).count();
        double jaccard = (double) common / (ta.size() + tb.size() - common);
        return Math.max(edit, jaccard);
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
