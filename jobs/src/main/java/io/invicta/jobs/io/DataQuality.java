package io.invicta.jobs.io;

import io.invicta.sinks.influxdb.InfluxPoint;
import io.invicta.sinks.influxdb.PointConverter;

import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The per-sensor data-quality figures: the anomalies of each sensor, check and hour of event time,
 * counted in an hourly window (with the jobs' allowed lateness) and written as {@code
 * data_quality_1h,check=…,kind=…,sensor=… action="clamp",count=…i <hour start>}
 * (docs/DATA-QUALITY.md). Anomalies are few, so this costs one small window per sensor and check
 * that has any.
 */
public final class DataQuality {

    public static final String MEASUREMENT = "data_quality_1h";

    private static final String SEPARATOR = "\u001f";

    private DataQuality() {}

    /** Hourly counts per kind, sensor and check; operator uids {@code <uidPrefix>data-quality…}. */
    public static DataStream<AnomalyCount> hourly(
            DataStream<AnomalyRecord> anomalies, Duration lateness, String uidPrefix) {
        return anomalies
                .transform(
                        uidPrefix + "data-quality-times",
                        TypeInformation.of(AnomalyRecord.class),
                        new AtEventTime())
                .uid(uidPrefix + "data-quality-times")
                .keyBy(a -> a.kind + SEPARATOR + a.sensorId + SEPARATOR + a.check, Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                .allowedLateness(lateness)
                .aggregate(new Count(), new Emit())
                .name(uidPrefix + "data-quality")
                .uid(uidPrefix + "data-quality");
    }

    /**
     * Stamps each anomaly with its observation's event time: a rejected observation's source record
     * carries none (it must not move the watermark), but its anomaly has one.
     */
    static final class AtEventTime extends AbstractStreamOperator<AnomalyRecord>
            implements OneInputStreamOperator<AnomalyRecord, AnomalyRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(StreamRecord<AnomalyRecord> record) {
            output.collect(record.replace(record.getValue(), record.getValue().eventTime));
        }
    }

    /** Counts, and keeps the latest anomaly for its tags and action. */
    static final class Count
            implements AggregateFunction<AnomalyRecord, AnomalyCount, AnomalyCount> {
        private static final long serialVersionUID = 1L;

        @Override
        public AnomalyCount createAccumulator() {
            return new AnomalyCount();
        }

        @Override
        public AnomalyCount add(AnomalyRecord a, AnomalyCount acc) {
            acc.kind = a.kind;
            acc.sensorId = a.sensorId;
            acc.check = a.check;
            acc.action = a.action;
            acc.count++;
            return acc;
        }

        @Override
        public AnomalyCount getResult(AnomalyCount acc) {
            return acc;
        }

        @Override
        public AnomalyCount merge(AnomalyCount a, AnomalyCount b) {
            a.count += b.count;
            return a;
        }
    }

    /** Stamps the count with its hour. */
    static final class Emit
            extends ProcessWindowFunction<AnomalyCount, AnomalyCount, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String key,
                Context context,
                Iterable<AnomalyCount> counts,
                Collector<AnomalyCount> out) {
            AnomalyCount c = counts.iterator().next();
            out.collect(
                    new AnomalyCount(
                            c.kind,
                            c.sensorId,
                            c.check,
                            c.action,
                            context.window().getStart(),
                            c.count));
        }
    }

    /** The InfluxDB point of an hourly count. */
    public static final class Points implements PointConverter<AnomalyCount> {
        private static final long serialVersionUID = 1L;

        @Override
        public void convert(AnomalyCount c, Consumer<InfluxPoint> out) {
            out.accept(
                    InfluxPoint.measurement(MEASUREMENT)
                            .time(c.hourStart, TimeUnit.MILLISECONDS)
                            .tag("kind", c.kind)
                            .tag("sensor", c.sensorId)
                            .tag("check", c.check)
                            .field("count", c.count)
                            .field("action", c.action)
                            .build());
        }
    }
}
