package io.invicta.domain;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The windows' maths per reading: the European Air Quality Index band of a concentration, and the
 * sum a window mean keeps, exact ({@link ExactSum}: what makes the points bit-identical whatever
 * the order of arrival) side by side with a plain {@code double} sum over the same values (the cost
 * of exactness, per value added; the window's mean is read once per window, after an hour of
 * readings, so {@code exactSumOfAnHour} adds 60 values and reads the value once).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DomainBenchmark {

    private static final int VALUES = 4_096;

    private double[] values;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(11);
        values = new double[VALUES];
        for (int i = 0; i < VALUES; i++) {
            // Concentrations as sensors send them: a few significant digits, 0–400 µg/m³.
            values[i] = Math.round(random.nextDouble() * 4_000) / 10.0;
        }
    }

    @Benchmark
    public Eaqi.Band eaqiBand() {
        return Eaqi.band(Eaqi.Pollutant.NO2, values[next++ & (VALUES - 1)]);
    }

    @Benchmark
    public double exactSumOfAnHour() {
        ExactSum sum = new ExactSum();
        int start = next;
        for (int i = 0; i < 60; i++) {
            sum.add(values[(start + i) & (VALUES - 1)]);
        }
        next = start + 60;
        return sum.value();
    }

    @Benchmark
    public double plainSumOfAnHour() {
        double sum = 0;
        int start = next;
        for (int i = 0; i < 60; i++) {
            sum += values[(start + i) & (VALUES - 1)];
        }
        next = start + 60;
        return sum;
    }
}
