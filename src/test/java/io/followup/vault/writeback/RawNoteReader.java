package io.followup.vault.writeback;

import io.followup.ingest.NoteReader;
import io.followup.model.TaskStatus;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import io.followup.vault.Warning;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A note reader for write-back tests until the vault's NoteParser is merged: task lines only, read with
 * the editor's own raw-line parser (so every encoding and mojibake form the fixtures use is understood).
 * Notes are undated project pages, so each task line is its own task.
 */
public final class RawNoteReader implements NoteReader {

    @Override
    public ParsedNote parse(String relPath, byte[] content) {
        NoteLines note = NoteLines.of(content);
        List<ParsedTask> tasks = new ArrayList<>();
        for (int n = 1; n <= note.size(); n++) {
            int lineNo = n;
            TaskLine.parse(RawText.of(note.content(n))).ifPresent(t -> tasks.add(task(lineNo, t)));
        }
        // "2025-10-28 Title.md": a meeting of that date, so two notes of one meeting merge like the seeds do
        String name = relPath.substring(relPath.lastIndexOf('/') + 1);
        if (name.matches("\\d{4}-\\d{2}-\\d{2} .*")) {
            return new ParsedNote(relPath, "Sync", LocalDate.parse(name.substring(0, 10)), "meeting", true,
                    List.of("Ana"), Map.of(), tasks, List.<Warning>of());
        }
        return new ParsedNote(relPath, relPath, null, "projects", false, List.of(), Map.of(), tasks, List.<Warning>of());
    }

    private static ParsedTask task(int n, TaskLine t) {
        String owner = null;
        if (t.mentionStart() >= 0) {
            owner = LineLocator.repaired(RawText.bytes(t.raw().substring(t.mentionStart() + 1, t.descriptionEnd()))).strip();
        }
        String symbol = t.raw().substring(t.statusStart(), t.statusEnd()).strip();
        return new ParsedTask(n, LineLocator.repaired(RawText.bytes(t.raw())), symbol.isEmpty() ? " " : symbol,
                TaskStatus.fromSymbol(symbol), LineLocator.description(t).strip(), owner, false,
                t.date(SignifierKind.DUE).orElse(null), t.date(SignifierKind.SCHEDULED).orElse(null),
                t.date(SignifierKind.START).orElse(null), t.date(SignifierKind.CREATED).orElse(null),
                t.date(SignifierKind.DONE).orElse(null), t.date(SignifierKind.CANCELLED).orElse(null),
                null, t.recurrence().orElse(null), List.of(), null);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
