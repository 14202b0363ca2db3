package org.econlab.classroom;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Token buckets by key (a seat token, a remote address): each key may make {@code burst} requests at once and
 * {@code perSecond} more each second. Keys idle long enough to have a full bucket are forgotten when the map grows,
 * so memory stays bounded by the keys active within a burst's refill time. Thread-safe.
 */
final class RateLimiter {

    private static final int FORGET_ABOVE = 4096;

    private final double burst;
    private final double perSecond;
    private final Map<String, double[]> buckets = new HashMap<>(); // key -> {tokens, last refill nanos}

    RateLimiter(double burst, double perSecond) {
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** Takes one request's token for {@code key}; false when the key is over its rate. */
    synchronized boolean tryAcquire(String key, long nowNanos) {
        double[] b = refilled(key, nowNanos);
        if (b[0] < 1) {
            return false;
        }
        b[0] -= 1;
        return true;
    }

    /** Whether {@code key} has a token left, without taking it. */
    synchronized boolean allowed(String key, long nowNanos) {
        return refilled(key, nowNanos)[0] >= 1;
    }

    /** Takes a token from {@code key} (e.g. for a failed attempt), down to none. */
    synchronized void charge(String key, long nowNanos) {
        double[] b = refilled(key, nowNanos);
        b[0] = Math.max(0, b[0] - 1);
    }

    private double[] refilled(String key, long nowNanos) {
        if (buckets.size() > FORGET_ABOVE) {
            forgetIdle(nowNanos);
        }
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, nowNanos});
        double refill = (nowNanos - (long) b[1]) / 1e9 * perSecond;
        b[0] = Math.min(burst, b[0] + refill);
        b[1] = nowNanos;
        return b;
    }

    synchronized void forget(String key) {
        buckets.remove(key);
    }

    private void forgetIdle(long nowNanos) {
        for (Iterator<double[]> it = buckets.values().iterator(); it.hasNext(); ) {
            double[] b = it.next();
            if (b[0] + (nowNanos - (long) b[1]) / 1e9 * perSecond >= burst) {
                it.remove();
            }
        }
    }
}
