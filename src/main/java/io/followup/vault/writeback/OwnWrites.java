package io.followup.vault.writeback;

/**
 * Told what a write-back has just put in a note, so the store can take the note as it now is without an ingest:
 * the note then says what the store already says, and reading it again (parse, merge its date again) would cost a
 * Done click several times its own work. {@link #NONE} leaves it to the vault watcher's ingest.
 */
@FunctionalInterface
public interface OwnWrites {

    OwnWrites NONE = (relPath, before, after, mtimeMs) -> false;

    /**
     * {@code before} is what the note held when the write-back read it, {@code after} its whole new content and
     * {@code mtimeMs} its modification time after the rename; true when the store now holds the note as an ingest of
     * {@code after} would.
     */
    boolean written(String relPath, byte[] before, byte[] after, long mtimeMs);
}
