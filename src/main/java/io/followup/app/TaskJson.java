package io.followup.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.followup.model.Meeting;
import io.followup.model.SourceRef;
import io.followup.model.Task;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the command line's contract (list --json, meetings --json); nulls are written. */
public final class TaskJson {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create();

    private TaskJson() {
    }

    public static String tasks(List<Task> tasks) {
        return GSON.toJson(tasks.stream().map(TaskJson::task).toList());
    }

    public static String meetings(List<Meeting> meetings) {
        return GSON.toJson(meetings.stream().map(TaskJson::meeting).toList());
    }

    static Map<String, Object> task(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("description", t.description());
        m.put("owner", t.owner());
        m.put("owner_raw", t.ownerRaw());
        m.put("owner_kind", t.ownerKind() == null ? null : t.ownerKind().jsonName());
        m.put("status", t.status().jsonName());
        m.put("status_symbol", t.statusSymbol());
        m.put("due", iso(t.due()));
        m.put("scheduled", iso(t.scheduled()));
        m.put("start", iso(t.start()));
        m.put("created", iso(t.created()));
        m.put("done", iso(t.done()));
        m.put("cancelled", iso(t.cancelled()));
        m.put("priority", t.priority() == null ? null : t.priority().jsonName());
        m.put("recurrence", t.recurrence());
        m.put("tags", t.tags());
        m.put("block_id", t.blockId());
        if (t.meeting() == null) {
            m.put("meeting", null);
        } else {
            Map<String, Object> meeting = new LinkedHashMap<>();
            meeting.put("id", t.meeting().id());
            meeting.put("title", t.meeting().title());
            meeting.put("date", iso(t.meeting().date()));
            m.put("meeting", meeting);
        }
        m.put("sources", t.sources().stream().map(TaskJson::source).toList());
        return m;
    }

    static Map<String, Object> meeting(Meeting mt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", mt.id());
        m.put("title", mt.title());
        m.put("date", iso(mt.date()));
        m.put("participants", mt.participants());
        m.put("sources", mt.sources().stream().map(s -> Map.of("path", s.path())).toList());
        m.put("task_ids", mt.taskIds());
        return m;
    }

    private static Map<String, Object> source(SourceRef s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", s.path());
        m.put("line", s.line());
        return m;
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
