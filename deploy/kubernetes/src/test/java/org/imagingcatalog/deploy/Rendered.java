package org.imagingcatalog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/** An overlay rendered by {@code kubectl kustomize}, parsed into one JSON tree per object. */
final class Rendered {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String overlay;
    final List<JsonNode> objects;

    private Rendered(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static Path manifestsDir() {
        String dir = System.getProperty("manifests.dir");
        Path p = dir != null ? Paths.get(dir) : Paths.get("").toAbsolutePath();
        if (!Files.isDirectory(p.resolve("overlays"))) {
            fail("cannot find deploy/kubernetes (no overlays/ in " + p + "); set -Dmanifests.dir");
        }
        return p;
    }

    static Rendered overlay(String name) {
        return CACHE.computeIfAbsent(name, Rendered::render);
    }

    /** kubectl from -Dkubectl (a path or a command name on PATH), else /usr/bin/kubectl; never skipped. */
    static String kubectl() {
        String configured = System.getProperty("kubectl", "kubectl");
        List<Path> candidates = new ArrayList<>();
        if (configured.contains("/")) {
            candidates.add(Paths.get(configured));
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Paths.get(dir, configured));
                }
            }
            candidates.add(Paths.get("/usr/bin/kubectl"));
            candidates.add(Paths.get("/usr/local/bin/kubectl"));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c) && Files.isExecutable(c)) {
                return c.toString();
            }
        }
        fail("kubectl not found (looked for '" + configured + "' on PATH, /usr/bin and /usr/local/bin). "
                + "These tests render the Kustomize overlays with `kubectl kustomize` and must not be skipped: "
                + "install kubectl 1.27+ (its embedded Kustomize v5; Debian bookworm's kubernetes-client 1.20 is too old) "
                + "or pass -Dkubectl=/path/to/kubectl.");
        return null;
    }

    private static Rendered render(String overlay) {
        Path dir = manifestsDir().resolve("overlays").resolve(overlay);
        String out = run(List.of(kubectl(), "kustomize", dir.toString()));
        return new Rendered(overlay, parseAll(out));
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
            errReader.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(p.getInputStream(), out);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 120 s");
            }
            errReader.join();
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n"
                        + err.toString(StandardCharsets.UTF_8));
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> parseAll(String yaml) {
        List<JsonNode> result = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    result.add(n);
                }
            }
        } catch (IOException e) {
            fail("rendered YAML does not parse: " + e.getMessage());
        }
        return result;
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    List<JsonNode> list(String kind) {
        return ofKind(kind).toList();
    }

    JsonNode one(String kind, String name) {
        return ofKind(kind).filter(o -> name.equals(name(o))).findFirst()
                .orElseGet(() -> fail(overlay + ": no " + kind + " named " + name));
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + name(o);
    }

    /** Does a LabelSelector (matchLabels + matchExpressions In/NotIn/Exists/DoesNotExist) select these labels? */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : props(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            boolean has = labels.has(key);
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> has && values.contains(labels.path(key).asText());
                case "NotIn" -> !has || !values.contains(labels.path(key).asText());
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Map<String, JsonNode> props(JsonNode node) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        }
        return m;
    }

    /** Every object node in the tree (depth first), for checks that look anywhere. */
    static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visitor) {
        visitor.accept(path, node);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    /** The environment a container gets: env entries plus the keys of the ConfigMaps in envFrom. */
    Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText(null);
            if (cm != null) {
                props(one("ConfigMap", cm).path("data")).forEach(env::put);
            }
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e);
        }
        return env;
    }

    static Predicate<String> sensitiveName() {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                "(?i).*(passw|secret|token|credential|private|_key$|-key$|apikey|api_key).*");
        return s -> p.matcher(s).matches();
    }
}
