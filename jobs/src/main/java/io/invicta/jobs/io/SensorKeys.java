package io.invicta.jobs.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Whether a Kafka key is a sensor's id, without encoding the id for every record. */
final class SensorKeys {

    private SensorKeys() {}

    /** True when {@code key} is the UTF-8 encoding of {@code id}. */
    static boolean isKeyOf(byte[] key, String id) {
        int n = id.length();
        if (key.length != n) {
            // Only an id with non-ASCII characters encodes longer than it is.
            return key.length > n && Arrays.equals(key, id.getBytes(StandardCharsets.UTF_8));
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                return Arrays.equals(key, id.getBytes(StandardCharsets.UTF_8));
            }
            if (key[i] != c) {
                return false;
            }
        }
        return true;
    }
}
