package io.invicta.jobs.cep;

/**
 * The watermark an operator instance had released up to at a checkpoint (union state: every
 * instance sees all).
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
}
