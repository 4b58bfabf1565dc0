package org.imagingcatalog.publicweb.readmodel;

import java.util.Set;

/** What the read model's consumer is doing, for the readiness check and the operator. */
public record ReadModelStatus(State state, Set<Integer> partitions, boolean caughtUp, long rebuilds,
        long eventsApplied, String lastError) {

    public enum State {
        STARTING, RUNNING, RETRYING, STOPPED
    }
}
