package io.followup.chat;

import io.followup.model.Meeting;
import io.followup.store.MeetingStore;
import io.followup.store.TaskStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** /meetings: the recent meetings, one meeting by id, or the meetings matching some words. */
final class MeetingReplies {

    private static final int RECENT = 5;

    private final MeetingStore meetings;
    private final TaskStore tasks;

    MeetingReplies(MeetingStore meetings, TaskStore tasks) {
        this.meetings = meetings;
        this.tasks = tasks;
    }

    Reply answer(String query, LocalDate today) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return brief("Recent meetings", meetings.recent(RECENT), "No meetings have been read yet.");
        }
        Optional<Meeting> byId = meetings.byId(q.toLowerCase(Locale.ROOT));
        if (byId.isPresent()) {
            return full(byId.get());
        }
        List<Meeting> found = meetings.search(q, RECENT);
        if (found.size() == 1) {
            return full(found.get(0));
        }
        return brief("Meetings matching \"" + (q.length() > 60 ? q.substring(0, 60) + "…" : q) + "\"", found,
                "No meeting matches that. Try /meetings recent.");
    }

    private Reply full(Meeting m) {
        return new Reply(m.title(), List.of(new Reply.MeetingItem(m, tasks.byMeeting(m.id()), true)), null, false, Set.of());
    }

    private Reply brief(String title, List<Meeting> list, String empty) {
        List<Reply.Part> parts = new ArrayList<>();
        parts.add(new Reply.Heading(title));
        if (list.isEmpty()) {
            parts.add(new Reply.Text(empty));
        }
        for (Meeting m : list) {
            parts.add(new Reply.MeetingItem(m, tasks.byMeeting(m.id()), false));
        }
        if (!list.isEmpty()) {
            parts.add(new Reply.Text("Show one: /meetings <id>"));
        }
        return new Reply(title, parts, null, false, Set.of());
    }
}
