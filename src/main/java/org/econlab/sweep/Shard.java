package org.econlab.sweep;

import org.econlab.config.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * One of {@code count} deterministic slices of an ordered list of work items, written {@code "I/N"} with
 * {@code 1 <= I <= N} (so a Slurm array task {@code $SLURM_ARRAY_TASK_ID} of {@code --array=1-N}, or a Kubernetes
 * Indexed Job's {@code $JOB_COMPLETION_INDEX + 1}, names its shard directly). Item {@code k} (0-based, in the list's
 * canonical order) belongs to shard {@code k mod N + 1}: the slices are disjoint, together they are the whole list,
 * and because neighbouring items (e.g. the seeds of one grid point, or the growing values of a swept population
 * size) go to different shards, the shards get similar amounts of work. Which shard an item lands in depends only on
 * its position, never on the machine, the time or what has already run. Immutable.
 *
 * @param index 1-based shard number, 1..count
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {

    /** The whole list: one shard of one. */
    public static final Shard ALL = new Shard(1, 1);

    /** At most this many shards (a Slurm array or an Indexed Job is far smaller in practice). */
    public static final int MAX_COUNT = 100_000;

    public Shard {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("shard count " + count + " is outside 1.." + MAX_COUNT);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("shard index " + index + " is outside 1.." + count);
        }
    }

    /**
     * Parses {@code "I/N"} (blanks around the numbers allowed), e.g. {@code "2/3"}.
     *
     * @param option the option or field name for the error message, e.g. {@code --shard}
     * @throws InvalidInputException naming {@code option} when the text is not I/N with 1 <= I <= N
     */
    public static Shard parse(String text, String option) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new InvalidInputException(option, "\"" + t + "\" is not I/N (e.g. 2/3: the second of three shards)");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(t.substring(0, slash).strip());
            n = Integer.parseInt(t.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option, "\"" + t + "\" is not I/N (e.g. 2/3: the second of three shards)");
        }
        if (n < 1 || n > MAX_COUNT) {
            throw new InvalidInputException(option, "N = " + n + " is outside 1.." + MAX_COUNT);
        }
        if (i < 1 || i > n) {
            throw new InvalidInputException(option, "I = " + i + " is outside 1.." + n + " (shards are numbered from 1)");
        }
        return new Shard(i, n);
    }

    /** True when this shard is the whole list. */
    public boolean isAll() {
        return count == 1;
    }

    /** Whether the item at 0-based position {@code position} of the canonical order belongs to this shard. */
    public boolean contains(int position) {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        return position % count == index - 1;
    }

    /** This shard's items, in their canonical order. */
    public <T> List<T> select(List<T> items) {
        if (isAll()) {
            return List.copyOf(items);
        }
        List<T> out = new ArrayList<>(items.size() / count + 1);
        for (int k = index - 1; k < items.size(); k += count) {
            out.add(items.get(k));
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
