package io.invicta.tools.generate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Wraps a sink and hashes the stream it sees: SHA-256 over every (topic, key, value), lengths
 * included, in order. Two runs with the same arguments must print the same digest ({@code
 * --digest}).
 */
final class DigestingSink implements EventSink {

    private final EventSink delegate;
    private final MessageDigest sha;
    private final byte[] lengths = new byte[12];

    DigestingSink(EventSink delegate) {
        this.delegate = delegate;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void send(EventType type, byte[] key, byte[] value) {
        putInt(0, type.ordinal());
        putInt(4, key.length);
        putInt(8, value.length);
        sha.update(lengths);
        sha.update(key);
        sha.update(value);
        delegate.send(type, key, value);
    }

    private void putInt(int at, int v) {
        lengths[at] = (byte) (v >>> 24);
        lengths[at + 1] = (byte) (v >>> 16);
        lengths[at + 2] = (byte) (v >>> 8);
        lengths[at + 3] = (byte) v;
    }

    /** The digest so far, hex (finishes the hash: call once, at the end). */
    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
