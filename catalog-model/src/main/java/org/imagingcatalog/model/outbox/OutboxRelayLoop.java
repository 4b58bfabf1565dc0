package org.imagingcatalog.model.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the relay on one background thread whenever asked: after each commit that wrote an
 * event, and on a timer for rows still pending because the broker was away. Requests made while a
 * run is under way fold into one more run, so nothing committed waits for the next tick and no
 * two runs of one service overlap.
 */
public final class OutboxRelayLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelayLoop.class.getName());

    private final OutboxRelay relay;
    private final AtomicBoolean runRequested = new AtomicBoolean();
    private final ExecutorService worker;
    private volatile boolean lastRunFailed;

    public OutboxRelayLoop(OutboxRelay relay, String threadName) {
        this.relay = relay;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void requestRun() {
        if (runRequested.compareAndSet(false, true)) {
            try {
                worker.execute(this::runOnce);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                runRequested.set(false); // shutting down: the rows stay pending for the next start
            }
        }
    }

    public long pending() {
        try {
            return relay.pending();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot count pending outbox rows", e);
        }
    }

    /** Whether the last run could not reach the broker or the database (for health checks). */
    public boolean lastRunFailed() {
        return lastRunFailed;
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runOnce() {
        runRequested.set(false);
        try {
            int sent;
            do {
                sent = relay.relayOnce();
            } while (sent > 0 && !worker.isShutdown());
            lastRunFailed = false;
        } catch (Exception e) {
            lastRunFailed = true;
            LOG.log(Level.WARNING, "outbox relay failed; pending rows are retried: {0}", e.getMessage());
        }
    }
}
