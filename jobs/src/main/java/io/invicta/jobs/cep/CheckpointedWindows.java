package io.invicta.jobs.cep;

import io.invicta.rules.WindowRow;

import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the named windows of the modules recovered from their windows, in keyed list state
 * under the partition key each row belongs to: rewritten at every checkpoint, read whole at a
 * restore, and redistributed with their keys when the job is rescaled. Their size is the number of
 * rows (keys), not the events' rate times a horizon.
 */
final class CheckpointedWindows {

    /** One row: its module and window, and its values as {@link WindowRow#encode} writes them. */
    public static final class StoredRow {
        public String module;
        public String window;
        public byte[] values;

        public StoredRow() {}

        StoredRow(WindowRow row) {
            this.module = row.module();
            this.window = row.window();
            this.values = row.encode();
        }
    }

    static final ListStateDescriptor<StoredRow> DESCRIPTOR =
            new ListStateDescriptor<>("cep-window-rows", TypeInformation.of(StoredRow.class));

    private final ListState<StoredRow> current;
    private final KeyedStateBackend<Object> backend;

    /** Whether any key may hold rows: a partition without such modules never scans its keys. */
    private boolean any = true;

    @SuppressWarnings("unchecked")
    CheckpointedWindows(KeyedStateStore store, KeyedStateBackend<?> backend) {
        this.current = store.getListState(DESCRIPTOR);
        this.backend = (KeyedStateBackend<Object>) backend;
    }

    /** Every key's rows. */
    List<WindowRow> all() throws Exception {
        List<WindowRow> all = new ArrayList<>();
        backend.applyToAllKeys(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                DESCRIPTOR,
                (key, state) -> {
                    for (StoredRow r : state.get()) {
                        all.add(WindowRow.decode(r.module, r.window, (String) key, r.values));
                    }
                });
        any = !all.isEmpty();
        return all;
    }

    /** Replaces every key's rows with {@code rows}. */
    void replace(List<WindowRow> rows) throws Exception {
        if (any) {
            backend.applyToAllKeys(
                    VoidNamespace.INSTANCE,
                    VoidNamespaceSerializer.INSTANCE,
                    DESCRIPTOR,
                    (key, state) -> state.clear());
        }
        any = !rows.isEmpty();
        if (!any) {
            return;
        }
        Object key = backend.getCurrentKey();
        for (WindowRow row : rows) {
            backend.setCurrentKey(row.key());
            current.add(new StoredRow(row));
        }
        if (key != null) {
            backend.setCurrentKey(key);
        }
    }
}
