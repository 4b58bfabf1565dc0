package org.imagingcatalog.submission.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser would post for the first form of a page as served, without a browser: each text input's and
 * textarea's value, each checked radio, each select's selected option (else its first), in document order,
 * repeated names kept as lists. Our templates only: attributes in double quotes, Qute's escapes.
 */
public final class FormValues {

    private static final Pattern FORM = Pattern.compile("<form\\b.*?</form>", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile(
            "<input\\b([^>]*)>|<textarea\\b([^>]*)>(.*?)</textarea>|<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w.-]+)(?:=\"([^\"]*)\")?");
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.DOTALL);

    private FormValues() {
    }

    public static Map<String, List<String>> of(String html) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            throw new AssertionError("no form in the page");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Matcher control = CONTROL.matcher(form.group());
        while (control.find()) {
            if (control.group(1) != null) {
                Map<String, String> a = attributes(control.group(1));
                String type = a.getOrDefault("type", "text");
                boolean posted = !type.equals("radio") && !type.equals("checkbox") || a.containsKey("checked");
                if (a.containsKey("name") && posted && !type.equals("submit")) {
                    add(values, a.get("name"), a.getOrDefault("value", ""));
                }
            } else if (control.group(2) != null) {
                Map<String, String> a = attributes(control.group(2));
                add(values, a.get("name"), unescape(control.group(3)));
            } else {
                Map<String, String> a = attributes(control.group(4));
                String chosen = null;
                String first = null;
                Matcher option = OPTION.matcher(control.group(5));
                while (option.find()) {
                    Map<String, String> o = attributes(option.group(1));
                    first = first == null ? o.get("value") : first;
                    if (o.containsKey("selected") && chosen == null) {
                        chosen = o.get("value");
                    }
                }
                add(values, a.get("name"), chosen != null ? chosen : first == null ? "" : first);
            }
        }
        return values;
    }

    /** The only value of a field (asserts that there is exactly one). */
    public static String single(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        if (list == null || list.size() != 1) {
            throw new AssertionError(name + " has values " + list);
        }
        return list.get(0);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            attributes.put(m.group(1), m.group(2) == null ? "" : unescape(m.group(2)));
        }
        return attributes;
    }

    private static void add(Map<String, List<String>> values, String name, String value) {
        if (name != null) {
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
