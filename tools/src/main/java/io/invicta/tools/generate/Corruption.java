package io.invicta.tools.generate;

import java.util.Arrays;

/**
 * Ways to make an encoded record undecodable, each guaranteed to fail {@code AvroCodec.decode}: a
 * wrong first byte (BAD_HEADER), a flipped fingerprint byte (UNKNOWN_FINGERPRINT) or a body cut
 * inside the first field, the entity id string (TRUNCATED).
 */
final class Corruption {

    private static final String[] NAMES = {"bad-header", "unknown-fingerprint", "truncated"};

    private Corruption() {}

    static byte[] corrupt(byte[] good, int kind) {
        return switch (kind) {
            case 0 -> {
                byte[] bad = good.clone();
                bad[0] = '{';
                yield bad;
            }
            case 1 -> {
                byte[] bad = good.clone();
                bad[5] ^= 0x5A;
                yield bad;
            }
            default ->
                    Arrays.copyOf(
                            good, Math.min(good.length, 10 + 3)); // header + id length + 2 chars
        };
    }

    static String name(int kind) {
        return NAMES[kind];
    }
}
