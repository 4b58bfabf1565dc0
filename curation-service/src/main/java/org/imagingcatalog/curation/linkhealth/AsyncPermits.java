package org.imagingcatalog.curation.linkhealth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/** A counting semaphore whose waiters hold no thread: {@link #acquire()} completes when a permit is theirs. */
final class AsyncPermits {

    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int available;

    AsyncPermits(int permits) {
        this.available = permits;
    }

    synchronized CompletableFuture<Void> acquire() {
        if (available > 0) {
            available--;
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> turn = new CompletableFuture<>();
        waiting.add(turn);
        return turn;
    }

    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                available++;
                return;
            }
        }
        // completed outside the lock: the waiter's continuation may run right here
        next.complete(null);
    }
}
