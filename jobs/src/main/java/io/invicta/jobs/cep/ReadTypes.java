package io.invicta.jobs.cep;

import io.invicta.rules.EventTypes;
import io.invicta.rules.Partitioning;
import io.invicta.rules.RuleSet;

import org.apache.flink.api.common.functions.FilterFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the events of the types a partitioning's modules read: the others would cost a shuffle for
 * nothing.
 */
final class ReadTypes implements FilterFunction<CepEvent> {

    private static final long serialVersionUID = 1L;

    private final boolean[] read;

    ReadTypes(RuleSet ruleSet, Partitioning partitioning) {
        List<String> names = new ArrayList<>(EventTypes.readable().keySet());
        read = new boolean[names.size()];
        for (RuleSet.CompiledModule module : ruleSet.modules(partitioning)) {
            for (String type : module.eventTypes()) {
                read[names.indexOf(type)] = true;
            }
        }
    }

    @Override
    public boolean filter(CepEvent event) {
        return read[event.type];
    }
}
