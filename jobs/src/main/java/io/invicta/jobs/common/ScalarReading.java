package io.invicta.jobs.common;

/** One number measured somewhere, as the window statistics see it. */
public interface ScalarReading {

    /** The zone the reading counts towards. */
    String zone();

    double value();
}
