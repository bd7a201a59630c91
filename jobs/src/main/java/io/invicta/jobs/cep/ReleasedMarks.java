package io.invicta.jobs.cep;

import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far the rules had released each of an operator instance's key groups, across rescaling.
 *
 * <p>Every instance stores the watermark it released up to for its key groups ({@link
 * WatermarkMark}: the key groups of subtask i of p). After a rescale an instance holds key groups
 * of several old instances, which may have released up to different watermarks at the checkpoint.
 * The instance resumes from the lowest of them (so no key loses an event) and, per key group, knows
 * the old one: an event at or behind it was late for the old instance too, and an alert at or
 * behind it was emitted and committed by the old instance already. Both are held back, so a
 * rescaled job emits exactly the alerts of an uninterrupted one.
 *
 * <p>Marks of old instances still ahead of this instance's watermark are stored again at its
 * checkpoints (they stay true of their key groups), so a second restore before they are passed
 * keeps them.
 */
final class ReleasedMarks {

    private final int maxParallelism;
    private final KeyGroupRange own;

    /** Per key group of {@link #own}: the watermark released up to before the restore. */
    private final long[] restored;

    /**
     * The old instances' marks over this instance's key groups still ahead of {@link #floor}
     * (empty, as after a restore at the same parallelism: nothing to hold back, and no key group is
     * computed per event).
     */
    private final List<WatermarkMark> ahead;

    private final long floor;

    private ReleasedMarks(
            int maxParallelism, KeyGroupRange own, long[] restored, List<WatermarkMark> ahead) {
        this.maxParallelism = maxParallelism;
        this.own = own;
        this.restored = restored;
        long lowest = Long.MAX_VALUE;
        for (long w : restored) {
            lowest = Math.min(lowest, w);
        }
        this.floor = restored.length == 0 ? Long.MIN_VALUE : lowest;
        this.ahead = ahead;
        this.ahead.removeIf(m -> m.watermark <= floor);
    }

    /** Nothing restored: every key group starts from the beginning. */
    static ReleasedMarks fresh(int maxParallelism, KeyGroupRange own) {
        long[] none = new long[own.getNumberOfKeyGroups()];
        Arrays.fill(none, Long.MIN_VALUE);
        return new ReleasedMarks(maxParallelism, own, none, new ArrayList<>());
    }

    /**
     * From the marks of every old instance (union state): per key group of {@code own}, the highest
     * mark covering it. A key group no mark covers (none restored) starts from the lowest mark.
     */
    static ReleasedMarks restore(
            Iterable<WatermarkMark> marks, int maxParallelism, KeyGroupRange own) {
        long[] released = new long[own.getNumberOfKeyGroups()];
        Arrays.fill(released, Long.MIN_VALUE);
        boolean[] covered = new boolean[released.length];
        long lowest = Long.MAX_VALUE;
        boolean any = false;
        List<WatermarkMark> mine = new ArrayList<>();
        for (WatermarkMark mark : marks) {
            any = true;
            lowest = Math.min(lowest, mark.watermark);
            KeyGroupRange range = mark.keyGroups(maxParallelism);
            int first = Math.max(range.getStartKeyGroup(), own.getStartKeyGroup());
            int last = Math.min(range.getEndKeyGroup(), own.getEndKeyGroup());
            if (first <= last) {
                mine.add(mark); // the owners of the other key groups keep the other marks
            }
            for (int g = first; g <= last; g++) {
                int i = g - own.getStartKeyGroup();
                released[i] = covered[i] ? Math.max(released[i], mark.watermark) : mark.watermark;
                covered[i] = true;
            }
        }
        for (int i = 0; i < released.length; i++) {
            if (!covered[i] && any) {
                released[i] = lowest;
            }
        }
        return new ReleasedMarks(maxParallelism, own, released, mine);
    }

    /** Where this instance resumes: the lowest watermark any of its key groups was released to. */
    long floor() {
        return floor;
    }

    /**
     * The watermark the key's group had been released up to before the restore, or {@code
     * Long.MIN_VALUE} once the instance has passed every old mark.
     */
    long releasedBefore(String key) {
        if (ahead.isEmpty()) {
            return Long.MIN_VALUE;
        }
        int group = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        return own.contains(group) ? restored[group - own.getStartKeyGroup()] : Long.MIN_VALUE;
    }

    /**
     * This instance's marks for a checkpoint at {@code released}: its own, and the old ones still
     * ahead of it.
     */
    List<WatermarkMark> snapshot(int subtask, int parallelism, long released) {
        ahead.removeIf(m -> m.watermark <= released);
        List<WatermarkMark> marks = new ArrayList<>(ahead.size() + 1);
        marks.add(new WatermarkMark(subtask, parallelism, released));
        marks.addAll(ahead);
        return marks;
    }
}
