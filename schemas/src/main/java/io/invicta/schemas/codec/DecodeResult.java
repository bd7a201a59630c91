package io.invicta.schemas.codec;

import java.util.Objects;

/**
 * The outcome of decoding one message: either the record, or a {@link Failure} that keeps the
 * reason and the raw bytes so the caller can count it and write a dead-letter record. Decoding
 * never throws for bad input.
 */
public sealed interface DecodeResult<T> permits DecodeResult.Success, DecodeResult.Failure {

    boolean isSuccess();

    /** The decoded record of a success. */
    record Success<T>(T value) implements DecodeResult<T> {
        public Success {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isSuccess() {
            return true;
        }
    }

    /**
     * Why a message could not be decoded.
     *
     * @param reason the kind of failure, stable for counters and dead-letter records
     * @param detail a human-readable explanation
     * @param raw the original message bytes, untouched
     */
    record Failure<T>(DecodeFailureReason reason, String detail, byte[] raw)
            implements DecodeResult<T> {
        public Failure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            raw = raw == null ? new byte[0] : raw;
        }

        @Override
        public boolean isSuccess() {
            return false;
        }

        @Override
        public String toString() {
            return "DecodeFailure[" + reason + ": " + detail + ", " + raw.length + " bytes]";
        }
    }
}
