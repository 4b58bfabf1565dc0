package org.imagingcatalog.kit.web;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one "API or page?" decision: a path read by programs (the API, and in public-web the exports
 * and the feed) is answered with problem+json, every other path with a page a person can read.
 */
@ApplicationScoped
public class MachinePaths {

    private final List<String> prefixes;

    public MachinePaths(@ConfigProperty(name = "catalog.web.machine-paths", defaultValue = "/api/") List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    public boolean matches(String path) {
        return path != null && prefixes.stream().anyMatch(path::startsWith);
    }
}
