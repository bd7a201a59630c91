package io.invicta.jobs.common;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.ParameterTool;

/** Turns {@code --key value} program arguments into a Configuration read through the typed options. */
public final class JobArguments {

    private JobArguments() {
    }

    public static Configuration parse(String[] args) {
        return Configuration.fromMap(ParameterTool.fromArgs(args).toMap());
    }
}
