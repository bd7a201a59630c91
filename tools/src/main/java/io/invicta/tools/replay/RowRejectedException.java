package io.invicta.tools.replay;

/**
 * A row that cannot be mapped. Thrown inside the mapper, caught per row: the reason is a stable
 * short label for the summary's counts, the detail says what was wrong in this row.
 */
final class RowRejectedException extends RuntimeException {

    private final String reason;

    RowRejectedException(String reason, String detail) {
        super(detail, null, false, false); // no stack trace: rejects are expected, and can be many
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
