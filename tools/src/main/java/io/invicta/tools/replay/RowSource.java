package io.invicta.tools.replay;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Set;

/**
 * The rows of an input file, streamed. A row that cannot even be parsed (e.g. a broken JSON line)
 * comes back as a row whose {@link Row#get} throws {@link RowRejectedException}, so it is reported
 * like any other reject.
 */
interface RowSource extends Iterable<Row>, Closeable {

    @Override
    Iterator<Row> iterator();

    /** The columns every row has (a CSV header), or null when rows differ (JSON lines). */
    default Set<String> columns() {
        return null;
    }
}
