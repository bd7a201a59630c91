package io.invicta.schemas.codec;

/** Kinds of undecodable messages; the names are used as metric and dead-letter reason labels. */
public enum DecodeFailureReason {
    /** Null or empty message. */
    EMPTY,
    /** The message does not start with the single-object marker {@code C3 01}. */
    BAD_HEADER,
    /**
     * The header is there but the writer schema fingerprint is not among the known schema versions.
     */
    UNKNOWN_FINGERPRINT,
    /** The known writer schema cannot be resolved to the reader schema (an incompatible change). */
    INCOMPATIBLE_SCHEMA,
    /** The body ends before the record does. */
    TRUNCATED,
    /** The body does not parse as the writer schema, or bytes remain after the record. */
    CORRUPT_BODY
}
