package io.followup.ingest;

import io.followup.model.TaskStatus;
import io.followup.vault.ParsedNote;
import io.followup.vault.ParsedTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built notes and task lines for tests that do not need the parser. */
final class TestNotes {

    private TestNotes() {
    }

    static ParsedTask task(int line, String status, String description, String owner, String due) {
        return task(line, status, description, owner, due, null);
    }

    static ParsedTask task(int line, String status, String description, String owner, String due, String done) {
        return new ParsedTask(line, "- [" + status + "] " + description, status, TaskStatus.fromSymbol(status), description, owner, false,
                due == null ? null : LocalDate.parse(due), null, null, null, null == done ? null : LocalDate.parse(done), null,
                null, null, List.of(), null);
    }

    static ParsedNote meeting(String path, String title, String date, List<String> participants, ParsedTask... tasks) {
        return new ParsedNote(path, title, LocalDate.parse(date), "meeting", true, participants, Map.of("summary", "About " + title),
                List.of(tasks), List.of());
    }

    static ParsedNote project(String path, String title, ParsedTask... tasks) {
        return new ParsedNote(path, title, null, "projects", false, List.of(), Map.of(), List.of(tasks), List.of());
    }

    static List<ParsedTask> numbered(String status, String owner, String... descriptions) {
        List<ParsedTask> out = new ArrayList<>();
        for (int i = 0; i < descriptions.length; i++) {
            out.add(task(10 + i, status, descriptions[i], owner, null));
        }
        return out;
    }
}
