package io.invicta.tools.replay;

/** One event ready for Kafka: event time, record key and the single-object-encoded value. */
record ReplayEvent(long eventTime, String key, byte[] value) {}
