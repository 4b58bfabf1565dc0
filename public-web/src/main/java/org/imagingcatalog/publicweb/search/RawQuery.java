package org.imagingcatalog.publicweb.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

/**
 * The query parameters exactly as sent. The REST layer's own map folds the case of parameter names, so
 * {@code Q=x} beside {@code q=lung} would pass as a second value of {@code q} instead of an unknown name.
 */
public final class RawQuery {

    private RawQuery() {
    }

    public static Map<String, List<String>> parameters(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        try {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            return params;
        } catch (IllegalArgumentException brokenEscape) {
            // what the REST layer made of it: its own refusal of broken escapes stays the answer
            return uri.getQueryParameters();
        }
    }
}
