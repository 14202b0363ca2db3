package org.econlab.llm;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One endpoint's limits: at most {@code maxConcurrent} requests in flight and at most
 * {@code requestsPerMinute} started per minute (evenly spaced; 0 = unlimited).
 */
public final class ThrottledGateway implements LlmGateway {

    private final LlmGateway delegate;
    private final String name;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final long spacingNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private long nextStartNanos;

    public ThrottledGateway(String name, LlmGateway delegate, int maxConcurrent, double requestsPerMinute) {
        this.name = name;
        this.delegate = delegate;
        this.maxConcurrent = maxConcurrent;
        this.slots = new Semaphore(maxConcurrent, true);
        this.spacingNanos = requestsPerMinute > 0 ? (long) (60e9 / requestsPerMinute) : 0;
    }

    public String name() {
        return name;
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** Requests waiting or in flight here (for spreading load across endpoints). */
    public int load() {
        return inFlight.get();
    }

    @Override
    public LlmReply call(LlmRequest request) {
        inFlight.incrementAndGet();
        try {
            slots.acquire();
            try {
                pace();
                return delegate.call(request);
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.OTHER, "interrupted");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void pace() throws InterruptedException {
        if (spacingNanos == 0) {
            return;
        }
        long start;
        synchronized (this) {
            long now = System.nanoTime();
            start = Math.max(now, nextStartNanos);
            nextStartNanos = start + spacingNanos;
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
