package io.invicta.sinks.influxdb;

import java.util.Arrays;

/**
 * One batch being filled or sent: the line protocol of its points in one reusable buffer, where
 * each line ends, and the points themselves (to hand a refused one to the {@link
 * RejectedPointHandler}). Owned by one thread at a time: the task thread while filling, a sender
 * thread while sending.
 */
final class Batch {

    final StringBuilder lines;
    private int[] ends;
    private InfluxPoint[] points;
    int size;
    long firstPointAt;

    Batch(int expectedPoints, int expectedChars) {
        int n = Math.min(expectedPoints, 16_384);
        this.lines = new StringBuilder(Math.min(expectedChars, 4 << 20) + 256);
        this.ends = new int[n];
        this.points = new InfluxPoint[n];
    }

    /** Records that {@code point}'s line was just appended to {@link #lines}. */
    void added(InfluxPoint point) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
            points = Arrays.copyOf(points, size * 2);
        }
        ends[size] = lines.length();
        points[size++] = point;
    }

    InfluxPoint point(int i) {
        return points[i];
    }

    /** Line protocol of points {@code [from, to)}. */
    String body(int from, int to) {
        int start = from == 0 ? 0 : ends[from - 1];
        return from == 0 && to == size ? lines.toString() : lines.substring(start, ends[to - 1]);
    }

    int length() {
        return lines.length();
    }

    void clear() {
        lines.setLength(0);
        Arrays.fill(points, 0, size, null);
        size = 0;
    }
}
