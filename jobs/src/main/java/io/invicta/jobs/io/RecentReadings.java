package io.invicta.jobs.io;

import java.util.HashMap;
import java.util.Map;

/**
 * The last few readings of each sensor a source reader accepted, as (event time, 64-bit FNV-1a hash
 * of the record's bytes), to recognise a duplicate: the same sensor, time and values sent again (a
 * producer's retry, a gateway that repeats itself). A duplicate must not count twice in any mean,
 * count or rule, so the reader turns it into a dead letter ({@link DeadLetter#DUPLICATE}).
 *
 * <p>A sensor's readings share a Kafka partition (the record key is the sensor id), so one reader
 * sees all of them. Kept in memory only: after a restart the reader starts with none, so a
 * duplicate whose original came before the restored checkpoint passes (the two are adjacent in
 * practice: a repeat arrives right after its original). Memory: a map entry and {@link #KEPT} pairs
 * per sensor.
 */
final class RecentReadings {

    /** Readings remembered per sensor: a repeat comes right after its original. */
    static final int KEPT = 4;

    private final Map<String, long[]> bySensor = new HashMap<>();

    /**
     * Whether {@code bytes} at {@code time} repeats one of the sensor's last readings; if not, it
     * becomes one of them.
     */
    boolean isRepeat(String sensor, long time, byte[] bytes) {
        long hash = fnv1a64(bytes);
        long[] seen = bySensor.get(sensor);
        if (seen == null) {
            seen = new long[2 * KEPT + 1];
            bySensor.put(sensor, seen);
        }
        int filled = (int) Math.min(seen[2 * KEPT], KEPT);
        for (int i = 0; i < filled; i++) {
            if (seen[2 * i] == time && seen[2 * i + 1] == hash) {
                return true;
            }
        }
        int slot = (int) (seen[2 * KEPT] % KEPT);
        seen[2 * slot] = time;
        seen[2 * slot + 1] = hash;
        seen[2 * KEPT]++;
        return false;
    }

    /** 64-bit FNV-1a: a collision between two of one sensor's last readings is out of reach. */
    static long fnv1a64(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
