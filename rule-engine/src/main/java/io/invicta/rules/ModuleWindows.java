package io.invicta.rules;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.EventType;
import com.espertech.esper.common.client.fireandforget.EPFireAndForgetPreparedQueryParameterized;
import com.espertech.esper.common.client.util.StatementProperty;
import com.espertech.esper.common.client.util.StatementType;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompileException;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPStatement;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The named windows of one deployed module {@link Recovery#WINDOWS recovered from its windows}:
 * reads their rows for a checkpoint and puts checkpointed rows back into a fresh runtime (a
 * fire-and-forget insert per row, compiled once per window against the module's runtime).
 */
final class ModuleWindows {

    private final String module;
    private final Partitioning partitioning;
    private final EPRuntime esper;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    private static final class Window {
        final EPStatement statement;
        final String[] columns;
        final Class<?>[] types;
        final int keyColumn;
        final long layout;
        EPFireAndForgetPreparedQueryParameterized insert;

        Window(EPStatement statement, Partitioning partitioning) {
            EventType type = statement.getEventType();
            this.statement = statement;
            this.columns = type.getPropertyNames();
            this.types = new Class<?>[columns.length];
            StringJoiner layoutText = new StringJoiner(",");
            for (int i = 0; i < columns.length; i++) {
                types[i] = type.getPropertyType(columns[i]);
                layoutText.add(columns[i] + ":" + types[i].getName());
            }
            this.keyColumn = List.of(columns).indexOf(partitioning.tagValue());
            this.layout = layoutText.toString().hashCode() * 31L + columns.length;
        }
    }

    ModuleWindows(
            String module, Partitioning partitioning, EPRuntime esper, EPStatement[] statements) {
        this.module = module;
        this.partitioning = partitioning;
        this.esper = esper;
        for (EPStatement statement : statements) {
            if (statement.getProperty(StatementProperty.STATEMENTTYPE)
                    == StatementType.CREATE_WINDOW) {
                windows.put(
                        statement.getEventType().getName(), new Window(statement, partitioning));
            }
        }
    }

    /** Adds every row of every window to {@code into}. */
    void rows(List<WindowRow> into) {
        for (Map.Entry<String, Window> entry : windows.entrySet()) {
            Window w = entry.getValue();
            Iterator<EventBean> it = w.statement.iterator();
            while (it.hasNext()) {
                EventBean row = it.next();
                Object[] values = new Object[w.columns.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(w.columns[i]);
                }
                String key =
                        w.keyColumn < 0
                                ? partitioning.tagValue()
                                : String.valueOf(values[w.keyColumn]);
                into.add(new WindowRow(module, entry.getKey(), key, w.layout, values));
            }
        }
    }

    /**
     * Inserts a checkpointed row into its window; false when the module has no such window any more
     * or its columns changed (a reload): the row is dropped.
     */
    boolean restore(WindowRow row) {
        Window w = windows.get(row.window());
        if (w == null || w.layout != row.layout()) {
            return false;
        }
        if (w.insert == null) {
            w.insert = prepareInsert(row.window(), w);
        }
        for (int i = 0; i < row.values().length; i++) {
            w.insert.setObject(i + 1, row.values()[i]);
        }
        esper.getFireAndForgetService().executeQuery(w.insert);
        return true;
    }

    private EPFireAndForgetPreparedQueryParameterized prepareInsert(String name, Window w) {
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        StringJoiner values = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < w.columns.length; i++) {
            columns.add(w.columns[i]);
            values.add("?::" + WindowColumn.of(w.types[i]).epl);
        }
        CompilerArguments args = new CompilerArguments(EsperConfiguration.create());
        args.getPath().add(esper.getRuntimePath());
        try {
            EPCompiled compiled =
                    EPCompilerProvider.getCompiler()
                            .compileQuery(
                                    "insert into " + name + columns + " values " + values, args);
            return esper.getFireAndForgetService().prepareQueryWithParameters(compiled);
        } catch (EPCompileException e) {
            throw new IllegalStateException(
                    "cannot restore window "
                            + name
                            + " of module "
                            + module
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
