package io.invicta.jobs.mobility;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns a window's single accumulator into a {@link MobilityPoint}: the key (tag values joined by
 * {@link #SEPARATOR}) becomes the tags named {@code tagNames}, plus the {@code window} tag; time =
 * window start.
 */
public final class EmitPoint<A extends WindowMetrics>
        extends ProcessWindowFunction<A, MobilityPoint, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    /** Unit separator: cannot appear in an id worth tagging. */
    public static final String SEPARATOR = "\u001f";

    private final String measurement;
    private final String windowLabel;
    private final String[] tagNames;

    public EmitPoint(String measurement, String windowLabel, String... tagNames) {
        this.measurement = measurement;
        this.windowLabel = windowLabel;
        this.tagNames = tagNames;
    }

    /** The key of a point with these tag values (in {@code tagNames} order; null → no tag). */
    public static String key(Object... tagValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tagValues.length; i++) {
            if (i > 0) {
                b.append(SEPARATOR);
            }
            b.append(tagValues[i] == null ? "" : tagValues[i]);
        }
        return b.toString();
    }

    @Override
    public void process(
            String key, Context context, Iterable<A> elements, Collector<MobilityPoint> out) {
        // The window length is part of the measurement name (traffic_1m), as in every Invicta
        // measurement.
        MobilityPoint point =
                new MobilityPoint(measurement + "_" + windowLabel, context.window().getStart());
        String[] values = key.split(SEPARATOR, -1);
        for (int i = 0; i < tagNames.length; i++) {
            point.tag(tagNames[i], values[i]);
        }
        elements.iterator().next().writeFields(point);
        out.collect(point);
    }
}
