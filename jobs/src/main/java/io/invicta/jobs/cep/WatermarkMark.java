package io.invicta.jobs.cep;

import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * The watermark the rules had released up to, at a checkpoint, for the key groups of subtask {@code
 * subtask} of {@code parallelism} (union state: every instance sees all; see {@link
 * ReleasedMarks}).
 */
public class WatermarkMark {

    public int subtask;
    public int parallelism;
    public long watermark;

    public WatermarkMark() {}

    public WatermarkMark(int subtask, int parallelism, long watermark) {
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.watermark = watermark;
    }

    KeyGroupRange keyGroups(int maxParallelism) {
        return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                maxParallelism, parallelism, subtask);
    }
}
