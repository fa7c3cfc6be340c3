package io.followup.ingest;

import io.followup.store.Database;
import io.followup.store.IngestBatch;
import io.followup.store.IngestStore;
import io.followup.store.Json;
import io.followup.store.NoteStore;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import io.followup.vault.writeback.LineEdits;
import io.followup.vault.writeback.OwnWrites;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes a note the write-back has just rewritten into the store without ingesting it again, when that gives the
 * store an ingest would give: the store holds the note exactly as the write-back read it (same hash: nobody else
 * changed it since the last ingest), and the new content parses to the stored note except for the chat-editable
 * fields of the task lines (status, dates, owner as written), each on its line. Then the merged tasks already say what
 * those lines now say (the chat change was saved first), so only the note's fingerprint and task lines are stored
 * (by the write-back, with the change's pending mark cleared), and the vault watcher finds the file unchanged.
 * Anything else (the note changed meanwhile, a line added, sections that differ) is left to the watcher's ingest.
 */
public final class OwnWritesInStore implements OwnWrites {

    private final NoteStore notes;
    private final NoteReader reader;

    public OwnWritesInStore(Database db, NoteReader reader) {
        this.notes = new NoteStore(db);
        this.reader = reader;
    }

    @Override
    public Optional<NoteStore.Rewrite> rewrite(String relPath, byte[] before, byte[] content, long mtimeMs) {
        Optional<NoteStore.StoredNote> stored = notes.stored(relPath);
        if (stored.isEmpty() || !stored.get().hash().equals(ContentHash.of(before))) {
            return Optional.empty(); // the store has not read the note as it was: an ingest must read it all
        }
        String hash = ContentHash.of(content);
        Optional<List<ParsedTask>> edited = LineEdits.tasksAfter(stored.get().tasks(), Json.stringMap(stored.get().sectionsJson()),
                Json.warnings(stored.get().warningsJson()), before, content);
        if (edited.isPresent()) {
            return sameIdentities(stored.get().tasks(), edited.get())
                    ? Optional.of(new NoteStore.Rewrite(relPath, stored.get().hash(), content.length, mtimeMs, hash, edited.get()))
                    : Optional.empty();
        }
        ParsedNote now;
        try {
            now = reader.parse(relPath, content);
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
        IngestStore.NoteRow row = IngestStore.row(new IngestBatch.NoteWrite(now, content.length, mtimeMs, hash));
        if (!sameBesidesTaskStates(stored.get(), now, row)) {
            return Optional.empty();
        }
        return Optional.of(new NoteStore.Rewrite(relPath, stored.get().hash(), content.length, mtimeMs, hash, now.tasks()));
    }

    /** The stored row and the new parse agree on everything an ingest derives from a note but the task states. */
    static boolean sameBesidesTaskStates(NoteStore.StoredNote was, ParsedNote now, IngestStore.NoteRow row) {
        if (!row.sameHeading(was.title(), was.date(), was.type(), was.meeting(), was.participantsJson())
                || !Objects.equals(was.warningsJson(), row.warningsJson())
                || !Json.stringMap(was.sectionsJson()).equals(Json.stringMap(row.sectionsJson()))) { // (key order is not kept)
            return false;
        }
        return sameIdentities(was.tasks(), now.tasks());
    }

    private static boolean sameIdentities(List<ParsedTask> a, List<ParsedTask> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameIdentity(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** What identifies a task line and how it merges, leaving out what a chat change writes (status, dates, owner). */
    private static boolean sameIdentity(ParsedTask x, ParsedTask y) {
        return x.line() == y.line() && Objects.equals(x.description(), y.description()) && x.ownerFromHeading() == y.ownerFromHeading()
                && Objects.equals(x.created(), y.created()) && x.priority() == y.priority() && Objects.equals(x.recurrence(), y.recurrence())
                && Objects.equals(x.tags(), y.tags()) && Objects.equals(x.blockId(), y.blockId());
    }
}
