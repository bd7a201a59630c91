package io.invicta.jobs.cep;

import org.apache.flink.api.common.functions.FilterFunction;

/** Keeps the events of one type ({@link CepEvent#type}). */
final class OfType implements FilterFunction<CepEvent> {

    private static final long serialVersionUID = 1L;

    private final int type;

    OfType(int type) {
        this.type = type;
    }

    @Override
    public boolean filter(CepEvent event) {
        return event.type == type;
    }
}
