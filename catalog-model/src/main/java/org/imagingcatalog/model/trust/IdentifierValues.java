package org.imagingcatalog.model.trust;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normal form of an identifier's value in each scheme, from the value itself or from a link to it:
 * lower case where the registry ignores case, without prefixes ({@code arXiv:}), versions ({@code v2},
 * a PhysioNet release) or the rest of a link ({@code /tree/master}). Empty when the text is no such value.
 */
final class IdentifierValues {

    private static final Pattern ARXIV_URL = urlPrefix("(?:export\\.)?arxiv\\.org/(?:abs|pdf)/");
    private static final Pattern ARXIV_PREFIX = Pattern.compile(
            "^(?:arxiv:\\s*|(?:(?:https?://)?(?:dx\\.)?doi\\.org/|doi:\\s*)?10\\.48550/arxiv\\.)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_NEW = Pattern.compile("(\\d{4}\\.\\d{4,5})(?:v\\d+)?");
    private static final Pattern ARXIV_OLD = Pattern.compile("([a-z-]+(?:\\.[A-Za-z]{2})?/\\d{7})(?:v\\d+)?");

    private static final Pattern GITHUB_URL = urlPrefix("github\\.com/");
    private static final Pattern GITHUB_SSH = Pattern.compile("^git@github\\.com:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern GITHUB_OWNER = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}");
    private static final Pattern GITHUB_REPO = Pattern.compile("[a-z0-9._-]{1,100}");

    private static final Pattern KAGGLE_URL = urlPrefix("kaggle\\.com/");
    private static final Set<String> KAGGLE_COMPETITIONS = Set.of("c", "competitions");
    /** Kaggle pages that are not a dataset: a link to them is no Kaggle identifier. */
    private static final Set<String> KAGGLE_PAGES = Set.of("code", "models", "discussions", "learn", "docs",
            "organizations", "search", "account", "settings", "work", "benchmarks", "static");

    private static final Pattern ZENODO_URL = urlPrefix("zenodo\\.org/records?/");
    private static final Pattern ZENODO_PREFIX = Pattern.compile(
            "^(?:(?:(?:https?://)?(?:dx\\.)?doi\\.org/|doi:\\s*)?10\\.5281/zenodo\\.|zenodo\\.)", Pattern.CASE_INSENSITIVE);

    private static final Pattern HUGGINGFACE_URL = urlPrefix("huggingface\\.co/");
    private static final Set<String> HUGGINGFACE_KINDS = Set.of("datasets", "spaces");
    /** Hugging Face pages that are not a repository. */
    private static final Set<String> HUGGINGFACE_PAGES = Set.of("docs", "blog", "papers", "learn", "models",
            "collections", "organizations", "settings", "pricing", "login", "join", "tasks", "new", "api");

    private static final Pattern PHYSIONET_URL = urlPrefix("physionet\\.org/(?:content|files)/");
    private static final Pattern PUBMED_URL =
            urlPrefix("(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov/|ncbi\\.nlm\\.nih\\.gov/pubmed/)");
    private static final Pattern TCIA_URL = urlPrefix("cancerimagingarchive\\.net/collection/");

    /** Names of Kaggle, Hugging Face, PhysioNet and TCIA entries. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private IdentifierValues() {
    }

    /** {@code 2004.04569} from {@code arXiv:2004.04569v2}, {@code https://arxiv.org/pdf/2004.04569v2.pdf}, ... */
    static Optional<String> arxiv(String raw) {
        String id = pathAfter(ARXIV_URL, raw).orElseGet(() -> ARXIV_PREFIX.matcher(raw).replaceFirst(""))
                .replaceFirst("(?i)\\.pdf$", "");
        for (Pattern form : List.of(ARXIV_NEW, ARXIV_OLD)) {
            Matcher m = form.matcher(id);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** {@code owner/repo} in lower case, from the value or any link into the repository. */
    static Optional<String> github(String raw) {
        Optional<String> linked = pathAfter(GITHUB_URL, raw).or(() -> pathAfter(GITHUB_SSH, raw));
        List<String> parts = segments(linked.orElse(raw));
        if (parts.size() < 2 || (linked.isEmpty() && parts.size() != 2)) {
            return Optional.empty();
        }
        String owner = parts.get(0);
        String repo = parts.get(1).replaceFirst("\\.git$", "");
        return GITHUB_OWNER.matcher(owner).matches() && GITHUB_REPO.matcher(repo).matches() && !repo.matches("\\.+")
                ? Optional.of(owner + "/" + repo) : Optional.empty();
    }

    /** A dataset's {@code owner/name}, or a competition's {@code c/name}, in lower case. */
    static Optional<String> kaggle(String raw) {
        Optional<String> linked = pathAfter(KAGGLE_URL, raw);
        List<String> parts = segments(linked.orElse(raw));
        if (linked.isPresent() && !parts.isEmpty() && parts.get(0).equals("datasets")) {
            parts = parts.subList(1, parts.size());
        }
        if (parts.size() < 2 || (linked.isEmpty() && parts.size() != 2) || KAGGLE_PAGES.contains(parts.get(0))
                || !NAME.matcher(parts.get(0)).matches() || !NAME.matcher(parts.get(1)).matches()) {
            return Optional.empty();
        }
        String owner = KAGGLE_COMPETITIONS.contains(parts.get(0)) ? "c" : parts.get(0);
        return Optional.of(owner + "/" + parts.get(1));
    }

    /** The record number, also from the record's DOI {@code 10.5281/zenodo.N}. */
    static Optional<String> zenodo(String raw) {
        String rest = pathAfter(ZENODO_URL, raw).orElseGet(() -> ZENODO_PREFIX.matcher(raw).replaceFirst(""));
        String number = rest.split("/", -1)[0];
        return number.matches("\\d{1,12}") ? Optional.of(number) : Optional.empty();
    }

    /** {@code owner/name} of a model, {@code datasets/owner/name} or {@code spaces/owner/name}, in lower case. */
    static Optional<String> huggingface(String raw) {
        Optional<String> linked = pathAfter(HUGGINGFACE_URL, raw);
        List<String> parts = segments(linked.orElse(raw));
        int size = !parts.isEmpty() && HUGGINGFACE_KINDS.contains(parts.get(0)) ? 3 : 2;
        if (parts.size() < size || (linked.isEmpty() && parts.size() != size)
                || (size == 2 && HUGGINGFACE_PAGES.contains(parts.get(0)))) {
            return Optional.empty();
        }
        List<String> name = parts.subList(size - 2, size);
        return name.stream().allMatch(p -> NAME.matcher(p).matches())
                ? Optional.of(String.join("/", parts.subList(0, size))) : Optional.empty();
    }

    /** The project's name without its release: {@code mimic-cxr} from {@code physionet.org/content/mimic-cxr/2.0.0/}. */
    static Optional<String> physionet(String raw) {
        List<String> parts = segments(pathAfter(PHYSIONET_URL, raw).orElse(raw));
        return !parts.isEmpty() && parts.get(0).matches("[a-z0-9][a-z0-9-]{0,99}") ? Optional.of(parts.get(0))
                : Optional.empty();
    }

    /** The digits of a PubMed id, from {@code PMID: 32247484} or a PubMed link. */
    static Optional<String> pmid(String raw) {
        String digits = pathAfter(PUBMED_URL, raw).orElseGet(() -> raw.replaceFirst("(?i)^pmid:?\\s*", ""));
        return digits.matches("\\d{1,9}") ? Optional.of(digits) : Optional.empty();
    }

    /** A TCIA collection's short name in lower case, as its page address spells it. */
    static Optional<String> tcia(String raw) {
        String name = pathAfter(TCIA_URL, raw).orElse(raw).toLowerCase(Locale.ROOT);
        return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    private static Pattern urlPrefix(String hostAndPath) {
        return Pattern.compile("^(?:https?://)?(?:www\\.)?" + hostAndPath + "([^?#]*)", Pattern.CASE_INSENSITIVE);
    }

    /** What follows the prefix, without query, fragment or trailing slashes; empty if the text has no such prefix. */
    private static Optional<String> pathAfter(Pattern prefix, String raw) {
        Matcher m = prefix.matcher(raw);
        return m.find() ? Optional.of(m.group(1).replaceAll("/+$", "")) : Optional.empty();
    }

    /** The lower-case, non-empty parts between slashes. */
    private static List<String> segments(String path) {
        return Arrays.stream(path.toLowerCase(Locale.ROOT).split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
