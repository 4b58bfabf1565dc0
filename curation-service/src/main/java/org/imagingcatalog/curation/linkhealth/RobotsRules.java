package org.imagingcatalog.curation.linkhealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A host's robots.txt as it applies to us (RFC 9309): the groups naming our product token if there are any, else
 * those for {@code *}; of their rules the longest matching path wins, {@code Allow} on a tie; {@code *} and a final
 * {@code $} in paths are understood. No robots.txt (or an empty one) allows everything.
 */
public final class RobotsRules {

    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static RobotsRules parse(String robotsTxt, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> ours = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        boolean ourGroup = false;
        boolean starGroup = false;
        boolean agentsOpen = false; // consecutive user-agent lines name one group
        boolean namedUs = false;
        for (String raw : robotsTxt.split("\r\n|\r|\n")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!agentsOpen) {
                    ourGroup = false;
                    starGroup = false;
                    agentsOpen = true;
                }
                String agent = value.toLowerCase(Locale.ROOT);
                if (agent.equals("*")) {
                    starGroup = true;
                } else if (!agent.isEmpty() && token.contains(agent)) {
                    ourGroup = true;
                    namedUs = true;
                }
                continue;
            }
            agentsOpen = false;
            if ((key.equals("allow") || key.equals("disallow")) && !value.isEmpty()) {
                Rule rule = new Rule(key.equals("allow"), value, pattern(value));
                if (ourGroup) {
                    ours.add(rule);
                }
                if (starGroup) {
                    anyone.add(rule);
                }
            }
        }
        return new RobotsRules(namedUs ? ours : anyone);
    }

    /** Whether we may fetch {@code pathAndQuery} (e.g. {@code /data?id=3}). */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern.matcher(path).lookingAt() && (best == null || rule.path.length() > best.path.length()
                    || rule.path.length() == best.path.length() && rule.allow)) {
                best = rule;
            }
        }
        return best == null || best.allow;
    }

    /** The rule that forbids {@code pathAndQuery}, for the record ("Disallow: /private"). */
    public String reason(String pathAndQuery) {
        return rules.stream().filter(r -> !r.allow && r.pattern.matcher(pathAndQuery).lookingAt())
                .map(r -> "robots.txt: Disallow: " + r.path).reduce((a, b) -> b.length() > a.length() ? b : a)
                .orElse("robots.txt forbids it");
    }

    private static Pattern pattern(String path) {
        boolean anchored = path.endsWith("$");
        String body = anchored ? path.substring(0, path.length() - 1) : path;
        String[] parts = body.split("\\*", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            regex.append(".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex + (anchored ? "$" : ""));
    }
}
