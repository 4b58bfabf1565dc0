package org.imagingcatalog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * nginx serving saved copies of public-web's answers from disk, each at the same path with the same
 * Content-Type: the physical limit of answering these bytes over HTTP on this machine. Run as a child
 * process (daemon off) with a generated config on a free port, stopped by close().
 */
final class NginxMirror implements AutoCloseable {

    record Copy(String pathAndQuery, String path, String contentType, byte[] body) {
    }

    private final Path dir;
    private final int port = Procs.freePort();
    private final List<Copy> copies = new ArrayList<>();
    private Process process;

    NginxMirror(Path dir) {
        this.dir = dir;
    }

    /**
     * Serves a copy of an answer; answers the path and query to ask nginx for it. Each copy has a location of its own
     * (its number, then the original path), so answers of one path with different queries stay apart.
     */
    String add(String pathAndQuery, String contentType, byte[] body) {
        String own = "/" + copies.size() + pathAndQuery;
        int q = own.indexOf('?');
        copies.add(new Copy(own, q < 0 ? own : own.substring(0, q), contentType, body));
        return own;
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    NginxMirror start() {
        try {
            BenchStack.deleteTree(dir);
            Files.createDirectories(dir.resolve("files"));
            Files.createDirectories(dir.resolve("tmp"));
            StringBuilder locations = new StringBuilder();
            for (int i = 0; i < copies.size(); i++) {
                Copy copy = copies.get(i);
                Path file = dir.resolve("files").resolve("body-" + i);
                Files.write(file, copy.body());
                locations.append("    location = ").append(copy.path().isEmpty() ? "/" : copy.path()).append(" {\n")
                        .append("      types { }\n      default_type \"").append(copy.contentType().replace("\"", ""))
                        .append("\";\n      root ").append(dir.resolve("files")).append(";\n      rewrite ^ /")
                        .append(file.getFileName()).append(" break;\n    }\n");
            }
            Path tmp = dir.resolve("tmp");
            String config = """
                    daemon off;
                    master_process on;
                    worker_processes auto;
                    user root;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      sendfile on;
                      tcp_nopush on;
                      keepalive_requests 1000000;
                      client_body_temp_path %2$s/client;
                      proxy_temp_path %2$s/proxy;
                      fastcgi_temp_path %2$s/fastcgi;
                      uwsgi_temp_path %2$s/uwsgi;
                      scgi_temp_path %2$s/scgi;
                      server {
                        listen 127.0.0.1:%3$d;
                    %4$s  }
                    }
                    """.formatted(dir, tmp, port, locations);
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config);
            process = new ProcessBuilder(nginx(), "-p", dir.toString(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx.out").toFile()).start();
            Http http = new Http();
            if (!copies.isEmpty() && !http.waitFor200(url(copies.get(0).pathAndQuery()), 10_000, 50)) {
                close();
                throw new IllegalStateException("nginx did not serve; see " + dir + "/error.log and nginx.out");
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    private static String nginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nginx";
    }

    @Override
    public void close() {
        Procs.stop(process, 10);
    }
}
