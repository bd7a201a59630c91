package io.invicta.tools.replay;

/** One input record: its columns by name, where it was in the file, and its text for reports. */
interface Row {

    /** The value of a column, or null when the row has no such column. */
    String get(String column);

    /** 1-based line number in the input file where the row starts. */
    long line();

    /** The row as it was in the file (or close to it), for reject reports. */
    String text();
}
