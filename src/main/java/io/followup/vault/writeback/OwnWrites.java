package io.followup.vault.writeback;

import io.followup.store.NoteStore;
import java.util.Optional;

/**
 * Told what a write-back has just put in a note, so the store can take the note as it now is without an ingest:
 * the note then says what the store already says, and reading it again (parse, merge its date again) would cost a
 * Done click several times its own work. {@link #NONE} leaves it to the vault watcher's ingest.
 */
@FunctionalInterface
public interface OwnWrites {

    OwnWrites NONE = (relPath, before, after, mtimeMs) -> Optional.empty();

    /**
     * {@code before} is what the note held when the write-back read it, {@code after} its whole new content and
     * {@code mtimeMs} its modification time after the rename; what the store should take for the note, so that it holds
     * it as an ingest of {@code after} would, or empty to leave it to the vault watcher. The write-back stores it with
     * the change's pending mark cleared, in one transaction.
     */
    Optional<NoteStore.Rewrite> rewrite(String relPath, byte[] before, byte[] after, long mtimeMs);
}
