package io.followup.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 128 bits of the SHA-256 of a list of values (nulls and boundaries included): stands in for the values themselves
 * where only "are these the same as before?" is asked of many rows at once. Equal values give equal digests; two
 * different lists giving the same one is as likely as guessing a 128-bit key.
 */
record RowDigest(long high, long low) {

    /** Adds values one by one; each is length-prefixed (null marked apart from ""), so no two lists run together. */
    static final class Builder {
        /** One per thread (so one Builder at a time on a thread): a digest object is not cheap to make, and rows come by the thousand. */
        private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        });
        private final MessageDigest sha = SHA256.get();

        Builder() {
            sha.reset();
        }

        Builder add(String value) {
            if (value == null) {
                sha.update((byte) 0);
                return this;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            sha.update((byte) 1);
            sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length});
            sha.update(bytes);
            return this;
        }

        RowDigest build() {
            byte[] d = sha.digest();
            return new RowDigest(java.nio.ByteBuffer.wrap(d, 0, 8).getLong(), java.nio.ByteBuffer.wrap(d, 8, 8).getLong());
        }
    }
}
