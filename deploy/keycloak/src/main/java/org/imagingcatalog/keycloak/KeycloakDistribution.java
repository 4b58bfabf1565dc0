package org.imagingcatalog.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Where the Keycloak distribution lives and how a private Keycloak home is made from it.
 *
 * <p>The pristine distribution is unpacked once (by this module's {@code maven-dependency-plugin:unpack},
 * or by {@link #distributionHome()} itself from the local Maven repository) into
 * {@code <repo>/.local/keycloak-dist/keycloak-<version>/} and is never started. Every user (the local
 * stack, the tests) runs a <em>copy</em> of it, because a Keycloak home is stateful: its dev H2 database,
 * {@code data/tmp}, transaction logs and the augmented {@code lib/quarkus} live inside it.
 */
public final class KeycloakDistribution {

    private static final String MARKER = ".imagingcatalog-home-copy";

    private KeycloakDistribution() {
    }

    /** The Keycloak version this module was built against ({@code keycloak.version} of the root pom). */
    public static String version() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/keycloak-support.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("keycloak.version", "");
            return v.isBlank() || v.startsWith("${") ? "26.4.0" : v.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repository root: system property {@code imagingcatalog.root}, else the nearest directory
     * upwards from {@code user.dir} that holds {@code .mvn/} (the Maven wrapper's folder).
     */
    public static Path projectRoot() {
        String explicit = System.getProperty("imagingcatalog.root");
        if (explicit != null && !explicit.isBlank() && Files.isDirectory(Paths.get(explicit, ".mvn"))) {
            return Paths.get(explicit).toAbsolutePath().normalize();
        }
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(".mvn")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        return dir;
    }

    /** {@code <root>/.local} (git-ignored). */
    public static Path localDir() {
        return projectRoot().resolve(".local");
    }

    /**
     * The unpacked, never-started distribution: {@code keycloak.dist.dir} (system property) or env
     * {@code KEYCLOAK_DIST_DIR} or {@code <root>/.local/keycloak-dist}, plus {@code keycloak-<version>}.
     * Unpacks the zip from the local Maven repository when it is not there yet.
     */
    public static Path distributionHome() {
        String dir = System.getProperty("keycloak.dist.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("KEYCLOAK_DIST_DIR");
        }
        Path distDir = dir == null || dir.isBlank() ? localDir().resolve("keycloak-dist") : Paths.get(dir);
        Path home = distDir.resolve("keycloak-" + version());
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        return withLock(distDir.resolveSibling(distDir.getFileName() + ".lock"), () -> {
            if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                unzip(distributionZip(), distDir);
            }
            return home;
        });
    }

    /** The distribution zip in the local Maven repository. */
    public static Path distributionZip() {
        String repo = System.getProperty("maven.repo.local");
        Path repoDir = repo == null || repo.isBlank()
                ? Paths.get(System.getProperty("user.home"), ".m2", "repository")
                : Paths.get(repo);
        String v = version();
        Path zip = repoDir.resolve("org/keycloak/keycloak-quarkus-dist/" + v + "/keycloak-quarkus-dist-" + v + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found: " + zip
                    + ". Build deploy/keycloak once (./mvnw -pl deploy/keycloak -am install -DskipTests),"
                    + " which resolves and unpacks org.keycloak:keycloak-quarkus-dist:" + v + ":zip.");
        }
        return zip;
    }

    /**
     * A private Keycloak home at {@code target}, copied from {@code dist} the first time (without
     * {@code data/}); later calls reuse it, so Keycloak's augmentation happens once per home.
     */
    public static Path ensureHomeCopy(Path dist, Path target) {
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        return withLock(target.resolveSibling(target.getFileName() + ".lock"), () -> {
            if (!Files.isRegularFile(target.resolve(MARKER))) {
                deleteTree(target);
                copyTree(dist, target);
                Files.writeString(target.resolve(MARKER), "copied from " + dist + "\n");
            }
            return target;
        });
    }

    /** Runs {@code action} while holding an exclusive file lock (across JVMs) on {@code lockFile}. */
    public static <T> T withLock(Path lockFile, Callable<T> action) {
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return action.call();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Failed under lock " + lockFile + ": " + e, e);
        }
    }

    static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        Path root = into.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("Zip entry outside target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.getFileName().toString().endsWith(".sh")) {
                        makeExecutable(out);
                    }
                }
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(dir);
                if (rel.toString().equals("data")) {
                    return FileVisitResult.SKIP_SUBTREE; // state never travels between homes
                }
                Files.createDirectories(to.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path out = to.resolve(from.relativize(file).toString());
                Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                if (out.getFileName().toString().endsWith(".sh")) {
                    makeExecutable(out);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void makeExecutable(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the launcher runs kc.sh through bash anyway
        }
    }
}
