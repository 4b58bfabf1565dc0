package org.imagingcatalog.systemtest;

import java.util.concurrent.TimeUnit;

/** Ending the processes the system tests start: the services, the Kafka nodes, Prometheus. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** SIGKILL, as a crash: no shutdown hook runs. */
    static void kill(Process process) {
        process.destroyForcibly();
        waitFor(process);
    }

    /** SIGTERM, then SIGKILL if it has not ended within 30 s. */
    static void stop(Process process) {
        process.destroy();
        if (!waitFor(process)) {
            kill(process);
        }
    }

    private static boolean waitFor(Process process) {
        try {
            return process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
