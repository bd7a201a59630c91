package io.invicta.jobs.cep;

import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What makes a rule operator recoverable though Esper's state cannot be checkpointed: every
 * accepted event, kept in keyed list state (one append per event, no timer: cheap on the heap
 * backend, and redistributed with its key when the job is rescaled), read whole to warm a fresh
 * runtime, and pruned in bulk at checkpoints to the rule set's horizon.
 */
final class RecoveryHistory {

    static final ListStateDescriptor<CepEvent> DESCRIPTOR =
            new ListStateDescriptor<>("cep-history", TypeInformation.of(CepEvent.class));

    private final ListState<CepEvent> current;
    private final KeyedStateBackend<?> backend;

    RecoveryHistory(KeyedStateStore store, KeyedStateBackend<?> backend) {
        this.current = store.getListState(DESCRIPTOR);
        this.backend = backend;
    }

    /** Appends to the history of the current key. */
    void add(CepEvent event) throws Exception {
        current.add(event);
    }

    /** Every key's history, in release order. */
    List<CepEvent> all() throws Exception {
        List<CepEvent> all = new ArrayList<>();
        backend.applyToAllKeys(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                DESCRIPTOR,
                (key, state) -> state.get().forEach(all::add));
        Collections.sort(all);
        return all;
    }

    /**
     * Drops, for every key, the events at or before {@code keepAfter}; a key's state is rewritten
     * only if it had some.
     */
    void prune(long keepAfter) throws Exception {
        backend.applyToAllKeys(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                DESCRIPTOR,
                (key, state) -> {
                    List<CepEvent> kept = new ArrayList<>();
                    boolean dropped = false;
                    for (CepEvent e : state.get()) {
                        if (e.time > keepAfter) {
                            kept.add(e);
                        } else {
                            dropped = true;
                        }
                    }
                    if (dropped) {
                        state.update(kept);
                    }
                });
    }
}
