package org.imagingcatalog.publicweb.events;

import java.util.Set;

import org.imagingcatalog.kit.events.TopicConsumer;

/** What the read model's consumer is doing, for the readiness check and the operator. */
public record ReadModelStatus(State state, Set<Integer> partitions, boolean caughtUp, long rebuilds,
        long eventsApplied, String lastError) {

    public enum State {
        STARTING, RUNNING, RETRYING, STOPPED;

        static State of(TopicConsumer.State state) {
            return switch (state) {
                case STARTING -> STARTING;
                case RUNNING -> RUNNING;
                case RETRYING -> RETRYING;
                case STOPPED -> STOPPED;
            };
        }
    }
}
