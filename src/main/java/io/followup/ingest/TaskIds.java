package io.followup.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Short ids people can type: 8 lowercase base32 characters of a SHA-256 over the task's first source
 * path, its normalised description and which occurrence of that text in the note it is. Line numbers,
 * status, dates and priority are left out, so the id survives edits around and on the line.
 */
public final class TaskIds {

    public static final int LENGTH = 8;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private TaskIds() {
    }

    public static String of(String path, String normText, int occurrence) {
        return base32(sha256(path + "\n" + normText + "\n" + occurrence), LENGTH);
    }

    /** A meeting's id, from the first path of its notes. */
    public static String meeting(String firstPath) {
        return base32(sha256("meeting\n" + firstPath), LENGTH);
    }

    /**
     * The id of {@code of(...)}, made longer one character at a time (deterministically, from the same
     * hash) until it is not in {@code taken}.
     */
    public static String unique(String path, String normText, int occurrence, Set<String> taken) {
        return extend(sha256(path + "\n" + normText + "\n" + occurrence), taken);
    }

    public static String uniqueMeeting(String firstPath, Set<String> taken) {
        return extend(sha256("meeting\n" + firstPath), taken);
    }

    /** The hash a task's ids are taken from (worked out ahead, off the thread that assigns ids). */
    static byte[] hash(String path, String normText, int occurrence) {
        return sha256(path + "\n" + normText + "\n" + occurrence);
    }

    /** {@link #of(String, String, int)} from {@link #hash}. */
    static String of(byte[] hash) {
        return base32(hash, LENGTH);
    }

    /** As {@link #unique(String, String, int, java.util.function.Predicate)}, from {@link #hash}. */
    static String unique(byte[] hash, java.util.function.Predicate<String> taken) {
        return extend(hash, taken);
    }

    public static String uniqueMeeting(String firstPath, java.util.function.Predicate<String> taken) {
        return extend(sha256("meeting\n" + firstPath), taken);
    }

    private static String extend(byte[] hash, Set<String> taken) {
        return extend(hash, (java.util.function.Predicate<String>) taken::contains);
    }

    private static String extend(byte[] hash, java.util.function.Predicate<String> taken) {
        for (int length = LENGTH; length <= hash.length * 8 / 5; length++) {
            String id = base32(hash, length);
            if (!taken.test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free id for hash");
    }

    static String base32(byte[] bytes, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5 && sb.length() < chars) {
                sb.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
            if (sb.length() == chars) {
                break;
            }
        }
        return sb.toString();
    }

    /** One digest per thread: looking the algorithm up for every id cost more than hashing. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static byte[] sha256(String s) {
        MessageDigest d = SHA256.get();
        d.reset();
        return d.digest(s.getBytes(StandardCharsets.UTF_8));
    }
}
