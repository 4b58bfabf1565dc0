package org.imagingcatalog.model.trust;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Web addresses as the catalog stores and compares them. Two spellings of one page have one
 * {@link #key key}: the scheme (http or https), the host's case, a leading {@code www.}, the default port,
 * a trailing slash, the fragment, {@code utm_*} tracking parameters and needless percent-encoding do not
 * count. The path's case and the rest of the query do, because servers may tell them apart.
 */
public final class Urls {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
    private static final Pattern PERCENT = Pattern.compile("%([0-9A-Fa-f]{2})");
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private Urls() {
    }

    /** An absolute {@code http://} or {@code https://} address with a host. */
    public static boolean isHttpUrl(String text) {
        return parse(text).isPresent();
    }

    /**
     * The address with its scheme and host in lower case, without the default port or the fragment: the
     * stored form of a {@code url} identifier, still a working link.
     */
    public static Optional<String> clean(String text) {
        return parse(text).map(uri -> scheme(uri) + "://" + host(uri) + port(uri) + rawPath(uri)
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** What two spellings of one address have in common, e.g. {@code example.org/data?id=3}; empty for no address. */
    public static Optional<String> key(String text) {
        return parse(text).map(uri -> {
            String host = host(uri).replaceFirst("^www\\.", "");
            String path = unescapeUnreserved(rawPath(uri)).replaceAll("/+$", "");
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("utm_"))
                    .map(Urls::unescapeUnreserved)
                    .collect(Collectors.joining("&"));
            return host + port(uri) + path + (query.isEmpty() ? "" : "?" + query);
        });
    }

    /** The lower-case host without {@code www.}, e.g. {@code github.com}; empty for no address. */
    public static Optional<String> site(String text) {
        return parse(text).map(uri -> host(uri).replaceFirst("^www\\.", ""));
    }

    private static Optional<URI> parse(String text) {
        if (text == null || CONTROL.matcher(text).find()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : scheme(uri);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
            return web ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String scheme(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static String port(URI uri) {
        int port = uri.getPort();
        boolean standard = port == -1 || (port == 80 && scheme(uri).equals("http"))
                || (port == 443 && scheme(uri).equals("https"));
        return standard ? "" : ":" + port;
    }

    private static String rawPath(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    /** RFC 3986, 6.2.2.2: {@code %7E} is {@code ~}; other escapes stay, with upper-case hex digits. */
    private static String unescapeUnreserved(String text) {
        Matcher m = PERCENT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            char c = (char) Integer.parseInt(m.group(1), 16);
            m.appendReplacement(out, Matcher.quoteReplacement(
                    UNRESERVED.indexOf(c) >= 0 ? String.valueOf(c) : "%" + m.group(1).toUpperCase(Locale.ROOT)));
        }
        return m.appendTail(out).toString();
    }
}
