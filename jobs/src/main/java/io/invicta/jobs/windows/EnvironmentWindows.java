package io.invicta.jobs.windows;

import io.invicta.jobs.time.NeverIdleAfterShuffle;
import io.invicta.jobs.zones.ZoneResolver;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.time.Duration;

/**
 * The windows every environment job shares, wired once: observations → {@link SensorPreAggregate}
 * (chained before the shuffle) → by sensor → {@link SensorWindows} → zone partials by zone → {@link
 * ZoneWindows}.
 *
 * @param sensors the sensor windows (main output: the sensors' means; side outputs {@link
 *     SensorWindows#HOURLY} and {@link SensorWindows#DAILY} for the families that ask for them)
 * @param zones the zones' means, merged from their sensors' windows
 */
public record EnvironmentWindows(
        SingleOutputStreamOperator<WindowStats> sensors, DataStream<WindowStats> zones) {

    /**
     * Operator uids (and names) of the three operators: stable, so savepoints survive upgrades. The
     * window operators' uids end with {@link #STATE_FORMAT}.
     */
    public record Uids(String slices, String sensors, String zones) {

        /** {@code <prefix>-slices}, {@code <prefix>-sensor-v2}, {@code <prefix>-zone-v2}. */
        public static Uids prefixed(String prefix) {
            return new Uids(
                    prefix + "-slices",
                    prefix + "-sensor" + STATE_FORMAT,
                    prefix + "-zone" + STATE_FORMAT);
        }
    }

    /**
     * The suffix of the uids of operators that keep window sums in state, changed whenever that
     * state's format changes incompatibly (v2: exact sums). A savepoint of an older version then
     * restores with {@code --allowNonRestoredState}, leaving those operators empty, instead of
     * failing (docs/METRICS.md, "Operator ids and savepoints").
     */
    public static final String STATE_FORMAT = "-v2";

    public static <T> EnvironmentWindows of(
            DataStream<T> observations,
            Measurer<T> measurer,
            ZoneResolver zones,
            WindowFamily[] families,
            Duration allowedLateness,
            Uids uids) {
        SingleOutputStreamOperator<WindowStats> sensors =
                NeverIdleAfterShuffle.process(
                        observations
                                .transform(
                                        uids.slices(),
                                        TypeInformation.of(WindowStats.class),
                                        new SensorPreAggregate<>(
                                                SensorWindows.sliceFor(families), zones, measurer))
                                .uid(uids.slices())
                                .keyBy(w -> w.sensorId, Types.STRING),
                        new SensorWindows(families, allowedLateness),
                        TypeInformation.of(WindowStats.class),
                        uids.sensors());
        DataStream<WindowStats> zoneMeans =
                sensors.getSideOutput(SensorWindows.ZONE_PARTIALS)
                        .keyBy(w -> w.zone, Types.STRING)
                        .process(new ZoneWindows(allowedLateness))
                        .name(uids.zones())
                        .uid(uids.zones());
        return new EnvironmentWindows(sensors, zoneMeans);
    }

    /** Sensor and zone means in one stream. */
    public DataStream<WindowStats> means() {
        return sensors.union(zones);
    }
}
