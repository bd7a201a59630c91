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
 * runtime, and pruned in bulk at checkpoints to the horizon of each event's type: the memory a type
 * costs is its rate times the longest look-back of the modules that read it, not of the whole rule
 * set.
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
     * Drops, for every key, the events the rules can no longer look back to: those at or before
     * {@code released} minus their type's horizon ({@code horizonByType}, by {@link
     * CepEvent#type}); a key's state is rewritten only if it had some.
     */
    void prune(long released, long[] horizonByType) throws Exception {
        backend.applyToAllKeys(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                DESCRIPTOR,
                (key, state) -> {
                    List<CepEvent> kept = new ArrayList<>();
                    boolean dropped = false;
                    for (CepEvent e : state.get()) {
                        if (e.time >= released - horizonByType[e.type]) {
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
