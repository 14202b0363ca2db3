package org.econlab.classroom;

/**
 * One page's event stream as the web server writes it: the latest view wins (views sent faster than the browser reads
 * are dropped, never queued); a close ends the stream after the last view is taken. Thread-safe: the session sends
 * under its lock, one server thread takes.
 */
final class EventStream implements PageStream {

    private String latest;
    private volatile boolean closed;

    @Override
    public synchronized void send(String json) {
        latest = json;
        notifyAll();
    }

    @Override
    public synchronized void close(String why) {
        closed = true;
        notifyAll();
    }

    /** Whether the session closed the stream. */
    boolean closed() {
        return closed;
    }

    /**
     * The view sent since the last call, waiting up to {@code waitMillis} ms for one (not at all once closed); null
     * when none came.
     */
    synchronized String next(long waitMillis) throws InterruptedException {
        if (latest == null && !closed) {
            wait(waitMillis);
        }
        String s = latest;
        latest = null;
        return s;
    }
}
