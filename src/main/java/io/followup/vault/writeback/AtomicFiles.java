package io.followup.vault.writeback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces a file's content all at once: write a temp file beside it, fsync, give it the original's
 * permissions, rename over the original, fsync the directory. A crash leaves either the old or the new
 * file, never half of one; temp files a crash left are removed by the next run's first write to their folder.
 * Temp names start with a dot and do not end in .md, so the scanner and the watcher ignore them.
 */
public final class AtomicFiles {

    /** What a replace did; faults (disk full, I/O errors) are thrown as {@link UncheckedIOException}. */
    public enum Result { WRITTEN, READ_ONLY, CHANGED_MEANWHILE, MISSING }

    /** A replace's result and, when WRITTEN, the file's modification time as the rename left it (the temp file's). */
    public record Replacement(Result result, long mtimeMs) {
    }

    /** Test seam: runs after the temp file is complete and before the rename. */
    @FunctionalInterface
    public interface BeforeRename {
        void run(Path temp) throws IOException;
    }

    static final String TEMP_SUFFIX = ".followup-tmp";
    private final BeforeRename beforeRename;
    /** Folders already searched for temps a crash left: listing a big folder at every write is slow. */
    private final Set<Path> cleaned = ConcurrentHashMap.newKeySet();
    /** A temp file this old is a crash's leftover, not another writer's file in flight (which lives milliseconds). */
    private static final long STALE_MILLIS = 60_000;

    public AtomicFiles() {
        this(temp -> { });
    }

    public AtomicFiles(BeforeRename beforeRename) {
        this.beforeRename = beforeRename;
    }

    /**
     * A file is read-only for us when its or its folder's owner-write bit is off (the rename replaces the
     * folder's entry), or the OS refuses writing. Checked explicitly because root ignores permission bits,
     * and a user who made a note or a vault folder r-- meant it.
     */
    public static boolean isReadOnly(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!ownerMayWrite(file) || !ownerMayWrite(dir)) {
                return true;
            }
            return !Files.isWritable(file) || !Files.isWritable(dir);
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Replaces {@code file} with {@code content} if it still holds exactly {@code expected} (the bytes the
     * edit was computed from), so an edit made meanwhile in Obsidian is never overwritten.
     */
    public Result replace(Path file, byte[] expected, byte[] content) {
        return replaceFile(file, expected, content).result();
    }

    /** {@link #replace}, also saying the file's modification time after it, so its new fingerprint is known. */
    public Replacement replaceFile(Path file, byte[] expected, byte[] content) {
        if (!Files.isRegularFile(file)) {
            return new Replacement(Result.MISSING, 0);
        }
        if (isReadOnly(file)) {
            return new Replacement(Result.READ_ONLY, 0);
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            if (!cleaned.contains(dir) && removeStaleTemps(dir)) {
                // a crash of an earlier run can have left some; this run deletes its own (finally, below). A folder
                // with a temp too young to tell (a crash just before a quick restart) is searched again next time.
                cleaned.add(dir);
            }
            if (!Arrays.equals(Files.readAllBytes(file), expected)) {
                return new Replacement(Result.CHANGED_MEANWHILE, 0);
            }
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", TEMP_SUFFIX);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            copyPermissions(file, temp);
            beforeRename.run(temp);
            // again, after the slow part (fsync): a save made in Obsidian meanwhile must not be renamed over
            if (!Arrays.equals(Files.readAllBytes(file), expected)) {
                return new Replacement(Result.CHANGED_MEANWHILE, 0);
            }
            // read before the rename: afterwards the time could already be someone else's save
            long mtimeMs = Files.getLastModifiedTime(temp).toMillis();
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            fsyncDirectory(dir);
            return new Replacement(Result.WRITTEN, mtimeMs);
        } catch (AccessDeniedException e) {
            return new Replacement(Result.READ_ONLY, 0);
        } catch (FileSystemException e) {
            if (e.getMessage() != null && e.getMessage().contains("Read-only file system")) {
                return new Replacement(Result.READ_ONLY, 0);
            }
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    cleaned.remove(dir); // removed by a later write to this folder
                }
            }
        }
    }

    private static boolean ownerMayWrite(Path p) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        return posix == null || posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (src == null) {
            return;
        }
        PosixFileAttributes attrs = src.readAttributes();
        Set<PosixFilePermission> perms = attrs.permissions();
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        try {
            // the group first: a note shared through its group (rw-rw----) must stay that group's
            dst.setGroup(attrs.group());
        } catch (IOException | UnsupportedOperationException notMember) {
            // only a member of the group (or root) may give it the group; it then stays ours
        }
        try {
            dst.setOwner(attrs.owner());
        } catch (IOException | UnsupportedOperationException notOwner) {
            // only root may give a file away; the temp then stays ours, like any editor's save
        }
        // last: changing owner or group may clear set-id bits
        Files.setPosixFilePermissions(to, perms);
    }

    /** Deletes the folder's leftover temps; false when one was too young to tell from another writer's. */
    private static boolean removeStaleTemps(Path dir) throws IOException {
        // the file system's clock, not the injected one: it is compared with files' mtimes, and FOLLOWUP_TODAY may pin
        // "today" years away from them
        long before = System.currentTimeMillis() - STALE_MILLIS;
        boolean all = true;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX)) {
            for (Path p : temps) {
                try {
                    if (Files.getLastModifiedTime(p).toMillis() < before) {
                        Files.deleteIfExists(p);
                    } else {
                        all = false;
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // its writer renamed or removed it meanwhile
                }
            }
        }
        return all;
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot open a directory; the rename itself is still atomic
        }
    }
}
